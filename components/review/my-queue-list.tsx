// The claims waiting for the caller's review, grouped by dossier, each opening the reader at the claim.
import type { QueuedClaim } from "@/server/reviews/list-my-queue.ts";
import { REVIEW_STATE_LABEL } from "./review-words.ts";

/** One section per dossier, claims in briefing order. */
export function MyQueueList({ claims }: { claims: readonly QueuedClaim[] }) {
  if (claims.length === 0) {
    return <p className="rounded-lg border border-rule bg-panel px-5 py-4 text-muted">Nothing is assigned to you. Claims assigned to you for review appear here.</p>;
  }
  const groups = new Map<string, { title: string; claims: QueuedClaim[] }>();
  for (const c of claims) {
    const group = groups.get(c.dossierId) ?? { title: c.dossierTitle, claims: [] };
    group.claims.push(c);
    groups.set(c.dossierId, group);
  }
  return (
    <div className="space-y-8">
      {[...groups].map(([dossierId, group]) => (
        <section key={dossierId} aria-labelledby={`queue-${dossierId}`}>
          <h2 id={`queue-${dossierId}`} className="mb-2 flex items-baseline gap-3 text-sm font-semibold">
            {group.title}
            <span className="font-normal text-muted">
              {group.claims.length} claim{group.claims.length === 1 ? "" : "s"}
            </span>
            <a href={`/dossiers/${dossierId}/review`} className="ml-auto text-xs font-normal text-accent underline">
              Review desk
            </a>
          </h2>
          <ol className="divide-y divide-rule rounded-lg border border-rule bg-panel">
            {group.claims.map((c) => (
              <li key={c.claimId}>
                <a href={`/dossiers/${dossierId}?claim=${c.claimId}`} className="flex items-baseline gap-3 px-4 py-2.5 hover:bg-accent-soft" data-queue-claim={c.claimId}>
                  <span className="w-8 shrink-0 text-right text-xs tabular-nums text-muted">{c.order + 1}</span>
                  <span className="min-w-0 flex-1 font-reading">{c.text}</span>
                  <span className="shrink-0 text-xs text-muted">
                    {REVIEW_STATE_LABEL[c.reviewState]}
                    {c.reviewedByMe ? " · your verdict is in" : ""}
                  </span>
                </a>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
