// Links from the home page to the pages of the workspaces the reader belongs to.
import Link from "next/link";
import type { WorkspaceOption } from "@/server/dossiers/list-workspaces.ts";

/** One link per workspace: "Members and settings" where the reader owns it, "Members" elsewhere. */
export function WorkspaceLinks({ workspaces, ownedIds }: { workspaces: WorkspaceOption[]; ownedIds: ReadonlySet<string> }) {
  if (workspaces.length === 0) return null;
  return (
    <nav aria-label="Workspaces" className="mt-8 text-sm text-muted">
      <h2 className="mb-2 font-semibold uppercase tracking-wider">Workspaces</h2>
      <ul className="space-y-1">
        {workspaces.map((w) => (
          <li key={w.id}>
            {w.name} ·{" "}
            <Link href={`/workspaces/${w.id}/settings`} className="text-accent underline-offset-2 hover:underline">
              {ownedIds.has(w.id) ? "Members and settings" : "Members"}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
