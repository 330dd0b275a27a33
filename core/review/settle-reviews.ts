// Turns the independent verdicts of a claim's reviewers into the claim's review state.
import type { ReviewState, SettledState } from "./review-transitions.ts";

/** What the reviews of one claim amount to. */
export interface Settlement {
  /** `in_review` until two verdicts are in; then the shared verdict, or `disputed`. */
  state: ReviewState;
  /** True when at least two reviewers gave different verdicts: the owner adjudicates. */
  disagreement: boolean;
}

/**
 * Settles a claim from its reviewers' verdicts (one per reviewer): with fewer than two it stays
 * in review; when all agree it takes their verdict; any disagreement makes it disputed.
 */
export function settleReviews(verdicts: readonly SettledState[]): Settlement {
  if (verdicts.length < 2) return { state: "in_review", disagreement: false };
  const distinct = new Set(verdicts);
  if (distinct.size === 1) return { state: verdicts[0], disagreement: false };
  return { state: "disputed", disagreement: true };
}
