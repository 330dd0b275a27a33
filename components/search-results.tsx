// The hits of a search, grouped by dossier, each passage with its matching words marked.
import Link from "next/link";
import type { SearchHit } from "@/server/search/search-workspaces.ts";

const KIND_LABEL: Record<SearchHit["kind"], string> = { source: "Source", briefing: "Briefing", claim: "Claim", annotation: "Note" };

/** Results as the search page lists them: by dossier, best dossier first, best hits first within it. */
export function SearchResults({ hits }: { hits: SearchHit[] }) {
  const groups = new Map<string, { title: string; hits: SearchHit[] }>();
  for (const hit of hits) {
    const group = groups.get(hit.dossierId) ?? { title: hit.dossierTitle, hits: [] };
    group.hits.push(hit);
    groups.set(hit.dossierId, group);
  }
  return (
    <div className="space-y-8">
      {[...groups].map(([dossierId, group]) => (
        <section key={dossierId} aria-labelledby={`dossier-${dossierId}`}>
          <h2 id={`dossier-${dossierId}`} className="mb-2 text-sm font-semibold uppercase tracking-wider text-muted">
            {group.title}
          </h2>
          <ol className="divide-y divide-rule rounded-lg border border-rule bg-panel">
            {group.hits.map((hit) => (
              <li key={hit.href + hit.snippet.map((r) => r.text).join("")}>
                <Link href={hit.href} className="block px-5 py-3 hover:bg-accent-soft" data-search-hit={hit.kind}>
                  <span className="mb-1 block text-xs text-muted">
                    {KIND_LABEL[hit.kind]}
                    {hit.documentTitle && hit.kind !== "claim" ? ` · ${hit.documentTitle}` : ""}
                  </span>
                  <span className="block leading-relaxed text-ink">
                    {hit.snippet.map((run, i) =>
                      run.match ? (
                        <mark key={i} className="rounded-sm bg-accent-soft px-0.5 font-medium text-ink">
                          {run.text}
                        </mark>
                      ) : (
                        <span key={i}>{run.text}</span>
                      ),
                    )}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
