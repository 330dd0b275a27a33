// Home: the reader's dossiers, or for a newcomer, the published example and how to start.
import Link from "next/link";
import { DossierList } from "@/components/dossier-list.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { listDossiers } from "@/server/dossiers/list-dossiers.ts";
import { listPublishedExamples } from "@/server/dossiers/list-published-examples.ts";
import { listWorkspaces } from "@/server/dossiers/list-workspaces.ts";
import { WorkspaceLinks } from "@/components/workspace/workspace-links.tsx";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const db = await getDb();
  const actor = await getRequestActor();
  if (actor.kind !== "user") {
    const examples = await listPublishedExamples(db);
    return (
      <div className="mx-auto max-w-3xl px-5 py-10">
        <h1 className="mb-2 text-2xl font-semibold tracking-tight">Check where the claims of a briefing come from</h1>
        <p className="mb-8 max-w-prose text-muted">
          Attest puts a briefing beside its sources and links every claim to the passage it came from — or says plainly that no
          attached source backs it.
        </p>
        {examples.length > 0 ? (
          <section aria-labelledby="examples" className="mb-8">
            <h2 id="examples" className="mb-3 text-sm font-semibold uppercase tracking-wider text-muted">
              Read an example
            </h2>
            <ul className="divide-y divide-rule rounded-lg border border-rule bg-panel">
              {examples.map((e) => (
                <li key={e.href}>
                  <Link href={e.href} className="block px-5 py-4 font-medium hover:bg-accent-soft">
                    {e.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <p className="flex gap-3">
          <Link href="/sign-up" className="rounded-md bg-accent px-4 py-2 font-medium text-white dark:text-black">
            Create an account
          </Link>
          <Link href="/sign-in" className="rounded-md border border-rule px-4 py-2 font-medium">
            Sign in
          </Link>
        </p>
      </div>
    );
  }
  const dossiers = await listDossiers(db, actor);
  const [workspaces, owned] = await Promise.all([listWorkspaces(db, actor, "workspace.read"), listWorkspaces(db, actor, "workspace.settings")]);
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
      <WorkspaceLinks workspaces={workspaces} ownedIds={new Set(owned.map((w) => w.id))} />
    </div>
  );
}
