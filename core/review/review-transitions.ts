// The review states of a claim and which changes between them a reviewer may make, as data.

/** Where a claim stands in review. */
export type ReviewState = "unreviewed" | "in_review" | "verified" | "disputed" | "not_in_sources";

/** A state that ends a review: a verdict on the claim. */
export type SettledState = "verified" | "disputed" | "not_in_sources";

/** Every review state, in workflow order. */
export const REVIEW_STATES: readonly ReviewState[] = ["unreviewed", "in_review", "verified", "disputed", "not_in_sources"];

/** The verdicts a review can end in. */
export const SETTLED_STATES: readonly SettledState[] = ["verified", "disputed", "not_in_sources"];

/**
 * The states each state may change to by hand. A quick verdict on an unreviewed claim is allowed
 * (reading it is reviewing it); a settled claim is reopened (to `in_review`) before it gets a
 * different verdict, so every change of mind shows in the history; nothing goes back to
 * `unreviewed` once it was settled. Staying in the same state is not a change.
 */
export const REVIEW_TRANSITIONS: Readonly<Record<ReviewState, readonly ReviewState[]>> = {
  unreviewed: ["in_review", "verified", "disputed", "not_in_sources"],
  in_review: ["unreviewed", "verified", "disputed", "not_in_sources"],
  verified: ["in_review"],
  disputed: ["in_review"],
  not_in_sources: ["in_review"],
};

/** Whether `state` is a verdict. */
export function isSettled(state: ReviewState): state is SettledState {
  return (SETTLED_STATES as readonly string[]).includes(state);
}

/**
 * Why a claim may not change from `from` to `to` by hand, or `null` if it may. In two-reviewer
 * mode verdicts come only from reviews that agree (or from the owner's adjudication), so setting
 * one directly is refused.
 */
export function refuseTransition(from: ReviewState, to: ReviewState, options: { twoReviewerMode: boolean }): string | null {
  if (from === to) return `The claim is already ${words(to)}.`;
  if (!REVIEW_TRANSITIONS[from].includes(to)) {
    return `A claim cannot go from ${words(from)} to ${words(to)}${isSettled(from) ? "; reopen it first" : ""}.`;
  }
  if (options.twoReviewerMode && isSettled(to)) {
    return `In two-reviewer mode a claim becomes ${words(to)} only through two agreeing reviews (from ${words(from)} to ${words(to)} refused).`;
  }
  return null;
}

function words(state: ReviewState): string {
  return state.replaceAll("_", " ");
}
