// The words exports use for claim states, review states and link verdicts (as the reader says them).
import type { ClaimState } from "../review/claim-state.ts";

/** A claim state as a label. */
export const CLAIM_STATE_WORDS: Record<ClaimState, string> = {
  backed: "Backed",
  partial: "Partly backed",
  contradicted: "Contradicted",
  suggested: "Suggested",
  unbacked: "Not found in the attached sources",
  unreviewed: "Unreviewed",
};

/** A reviewer's state as a label. */
export const REVIEW_STATE_WORDS: Record<string, string> = {
  unreviewed: "Unreviewed",
  in_review: "In review",
  verified: "Verified",
  disputed: "Disputed",
  not_in_sources: "Not in sources",
};

/** An accepted link's verdict as a label. */
export const VERDICT_WORDS = { supports: "Supports", partial: "Partly supports", contradicts: "Contradicts" } as const;

/** How a link is worded: its verdict once accepted, else "Suggested (72%)". */
export function linkWords(link: { state: string; verdict: keyof typeof VERDICT_WORDS | null; score: number | null }): string {
  if (link.state === "accepted") return VERDICT_WORDS[link.verdict ?? "supports"];
  return link.score == null ? "Suggested" : `Suggested (${Math.round(link.score * 100)}%)`;
}
