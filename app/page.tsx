// Home: the dossiers the reader can open.
import Link from "next/link";
import { DossierList } from "@/components/dossier-list.tsx";
import { getDb } from "@/server/db.ts";
import { listDossiers } from "@/server/dossiers/list-dossiers.ts";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const dossiers = await listDossiers(await getDb());
  return (
    <div className="mx-auto max-w-3xl px-5 py-10">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">Dossiers</h1>
        <Link href="/new" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white dark:text-black">
          New dossier
        </Link>
      </div>
      <p className="mb-8 text-muted">Each dossier holds a briefing and the sources it should be backed by.</p>
      <DossierList dossiers={dossiers} />
    </div>
  );
}
