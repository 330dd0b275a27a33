// Rolls a claim's links, review state and the engine's verdict up into the one state the reader shows.

/** What the reader says about a claim at a glance. */
export type ClaimState = "backed" | "partial" | "contradicted" | "suggested" | "unbacked" | "unreviewed";

/** Every state, in the order the coverage bar shows them. */
export const CLAIM_STATES: readonly ClaimState[] = ["backed", "partial", "contradicted", "suggested", "unbacked", "unreviewed"];

/** The facts about a claim that decide its state. */
export interface ClaimFacts {
  reviewState: string;
  /** The engine's suggested verdict, if it ran. */
  suggestedVerdict: string | null;
  links: readonly { state: string; verdict: string | null; anchorStatus: string }[];
}

/**
 * A claim's state: what people decided wins over what the engine suggests.
 * 1. Accepted links (not orphaned): contradicted if any contradicts, else backed if any supports,
 *    else partial.
 * 2. A reviewer said "not in sources": unbacked.
 * 3. Suggestions waiting: suggested.
 * 4. The engine found nothing in the attached sources: unbacked.
 * 5. Otherwise: unreviewed.
 */
export function claimState(facts: ClaimFacts): ClaimState {
  const accepted = facts.links.filter((l) => l.state === "accepted" && l.anchorStatus !== "orphaned");
  if (accepted.length > 0) {
    if (accepted.some((l) => l.verdict === "contradicts")) return "contradicted";
    if (accepted.some((l) => l.verdict === "supports")) return "backed";
    return "partial";
  }
  if (facts.reviewState === "not_in_sources") return "unbacked";
  if (facts.links.some((l) => l.state === "suggested")) return "suggested";
  if (facts.suggestedVerdict === "unsupported") return "unbacked";
  return "unreviewed";
}

/** How many claims are in each state. */
export function countStates(states: readonly ClaimState[]): Record<ClaimState, number> {
  const counts = Object.fromEntries(CLAIM_STATES.map((s) => [s, 0])) as Record<ClaimState, number>;
  for (const state of states) counts[state]++;
  return counts;
}
