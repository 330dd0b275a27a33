// The list of dossiers on the home page.
import Link from "next/link";
import type { DossierSummary } from "@/server/dossiers/list-dossiers.ts";

/** Dossiers as links, with their workspace and counts. */
export function DossierList({ dossiers }: { dossiers: DossierSummary[] }) {
  if (dossiers.length === 0) return <p className="text-muted">No dossiers yet.</p>;
  return (
    <ul className="divide-y divide-rule rounded-lg border border-rule bg-panel">
      {dossiers.map((d) => (
        <li key={d.id}>
          <Link href={`/dossiers/${d.id}`} className="block px-5 py-4 hover:bg-accent-soft">
            <span className="block font-medium text-ink">{d.title}</span>
            <span className="mt-1 block text-sm text-muted">
              {d.workspaceName} · {plural(d.sourceCount, "source")} · {plural(d.claimCount, "claim")}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
