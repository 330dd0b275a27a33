// Home: the dossiers the reader can open.
import { DossierList } from "@/components/dossier-list.tsx";
import { getDb } from "@/server/db.ts";
import { listDossiers } from "@/server/dossiers/list-dossiers.ts";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const dossiers = await listDossiers(await getDb());
  return (
    <div className="mx-auto max-w-3xl px-5 py-10">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Dossiers</h1>
      <p className="mb-8 text-muted">Each dossier holds a briefing and the sources it should be backed by.</p>
      <DossierList dossiers={dossiers} />
    </div>
  );
}
