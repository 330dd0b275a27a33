// The words the review views use: review states, verdicts, what a kappa means, and each history entry in a sentence.
import type { ReviewState } from "@/core/review/review-transitions.ts";

/** What each review state is called. */
export const REVIEW_STATE_LABEL: Record<ReviewState, string> = {
  unreviewed: "Not reviewed",
  in_review: "In review",
  verified: "Verified",
  disputed: "Disputed",
  not_in_sources: "Not in sources",
};

/** The verdicts a reviewer or the owner can give, in the order buttons show them. */
export const VERDICTS = ["verified", "disputed", "not_in_sources"] as const;

/** The label of a review state, or the raw value for one this version does not know. */
export function reviewStateLabel(state: unknown): string {
  return typeof state === "string" && state in REVIEW_STATE_LABEL ? REVIEW_STATE_LABEL[state as ReviewState] : String(state);
}

/**
 * What a Cohen's kappa says, in the usual bands of Landis and Koch (1977). Null kappa: no shared
 * claims, or both reviewers gave every claim the same verdict, so chance explains it all.
 */
export function kappaWords(kappa: number | null, observed: number | null): string {
  if (observed === null) return "No claim reviewed by both yet";
  if (kappa === null) return "Same verdict on every claim, but always the same one: nothing to tell beyond chance";
  if (kappa < 0) return "Less agreement than chance would give";
  if (kappa <= 0.2) return "Slight agreement beyond chance";
  if (kappa <= 0.4) return "Fair agreement beyond chance";
  if (kappa <= 0.6) return "Moderate agreement beyond chance";
  if (kappa <= 0.8) return "Substantial agreement beyond chance";
  return "Almost perfect agreement";
}

/** An activity entry as the views receive it (dates may arrive as strings through JSON). */
export interface ActivityEntry {
  id: string;
  at: Date | string;
  action: string;
  entityType: string;
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
  hidden: boolean;
}

/** One history line: what happened, and the value before and after when there is one. */
export interface ActivitySentence {
  what: string;
  change: { before: string; after: string } | null;
  /** What changed, when it is not the subject of `what` ("claim" for a review's effect on its claim). */
  changeOf?: string;
  /** Why, when the entry carries it (an adjudication's reason, a review's note). */
  why: string | null;
}

const field = (value: unknown, key: string): unknown => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined);

/** How the other verbs of the log read after their noun ("link accepted"). */
const VERB_WORDS: Record<string, string> = {
  recheck_confirmed: "re-checked: confirmed",
  recheck_dropped: "re-checked: dropped",
  relinked: "re-checked: re-linked",
  adjusted: "ends adjusted",
};

function verdictWord(verdict: unknown): string {
  return verdict === "supports" ? "supports" : verdict === "partial" ? "partly supports" : verdict === "contradicts" ? "contradicts" : "—";
}

/** Describes an entry in words, naming members through `names` (user id → name). */
export function describeActivity(entry: ActivityEntry, names: ReadonlyMap<string, string>): ActivitySentence {
  const { before, after } = entry;
  const state = (v: unknown) => reviewStateLabel(field(v, "reviewState"));
  const person = (id: unknown) => (typeof id === "string" ? (names.get(id) ?? "a former member") : "nobody");
  const text = (v: unknown) => (typeof v === "string" && v ? v : null);
  switch (entry.action) {
    case "claim.review_state_set":
      return { what: "set the review state", change: { before: state(before), after: state(after) }, why: null };
    case "claim.assigned":
    case "claim.unassigned":
      return { what: entry.action === "claim.assigned" ? "assigned the claim" : "unassigned the claim", change: { before: person(field(before, "assigneeId")), after: person(field(after, "assigneeId")) }, why: null };
    case "claim.adjudicated":
      return { what: "decided between the reviewers", change: { before: state(before), after: state(after) }, why: text(field(after, "reason")) };
    case "review.submitted":
    case "review.changed": {
      const verb = entry.action === "review.submitted" ? "gave a verdict" : "changed their verdict";
      const verdictVerb = entry.action === "review.submitted" ? "gave the verdict" : "changed their verdict to";
      if (entry.hidden) return { what: `${verb} (hidden until you give yours)`, change: null, why: null };
      const verdict = reviewStateLabel(field(after, "verdict"));
      return {
        what: `${verdictVerb} ${verdict}`,
        change: field(before, "reviewState") === field(after, "reviewState") ? null : { before: state(before), after: state(after) },
        changeOf: "claim",
        why: text(field(after, "note")),
      };
    }
    case "dossier.two_reviewer_mode_on":
      return { what: "turned two-reviewer mode on", change: null, why: null };
    case "dossier.two_reviewer_mode_off":
      return { what: "turned two-reviewer mode off", change: null, why: null };
    default: {
      const [, verb = entry.action] = entry.action.split(".");
      const noun = entry.entityType === "annotation" ? "note" : entry.entityType;
      const verdictBefore = field(before, "verdict");
      const verdictAfter = field(after, "verdict");
      const change =
        entry.entityType === "link" && (verdictBefore || verdictAfter) && verdictBefore !== verdictAfter
          ? { before: verdictWord(verdictBefore), after: verdictWord(verdictAfter) }
          : null;
      return { what: `${noun} ${VERB_WORDS[verb] ?? verb.replaceAll("_", " ")}`, change, why: null };
    }
  }
}
