// Chooses the links an export shows as a claim's evidence.

/** The fields of a link that decide whether it is shown as evidence. */
export interface EvidenceCandidate {
  claimId: string;
  state: string;
  anchorStatus: string;
  score: number | null;
  rank: number | null;
}

/**
 * A claim's evidence: its accepted links that still anchor, in the given order; when there are
 * none, its best suggestion alone (marked `suggested`); else nothing.
 */
export function claimEvidence<L extends EvidenceCandidate>(claimId: string, links: readonly L[]): { kind: "decided" | "suggested" | "none"; links: L[] } {
  const own = links.filter((l) => l.claimId === claimId);
  const accepted = own.filter((l) => l.state === "accepted" && l.anchorStatus !== "orphaned");
  if (accepted.length > 0) return { kind: "decided", links: accepted };
  const suggested = own
    .filter((l) => l.state === "suggested" && l.anchorStatus !== "orphaned")
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.score ?? 0) - (a.score ?? 0));
  if (suggested.length > 0) return { kind: "suggested", links: [suggested[0]] };
  return { kind: "none", links: [] };
}
