// The inputs of the review use cases, validated at the boundary.
import { z } from "zod";

/** An id as the database makes them. */
export const idSchema = z.uuid({ error: "Not a valid id." });

/** The revision the client last saw, for optimistic concurrency. */
const revision = z.int().min(1);

/** A verdict a review or an adjudication ends in. */
export const verdictSchema = z.enum(["verified", "disputed", "not_in_sources"]);

/** Who reviews a claim next. */
export const assignClaimSchema = z.object({
  /** A member of the dossier's workspace, or null to unassign. */
  assigneeId: idSchema.nullable(),
  revision,
});

/** Turning two-reviewer mode on or off for a dossier. */
export const twoReviewerModeSchema = z.object({ enabled: z.boolean() });

/** A reviewer's independent verdict on a claim. */
export const submitReviewSchema = z.object({
  verdict: verdictSchema,
  /** Why, in the reviewer's words. */
  note: z.string().trim().max(4000).optional(),
});

/** The owner's decision on a claim its reviewers disagreed on. */
export const adjudicateClaimSchema = z.object({
  outcome: verdictSchema,
  /** Required: the history keeps why the owner decided so. */
  reason: z.string().trim().min(1, "Give a reason for the decision.").max(4000),
  revision,
});

/** What to do about a link or span annotation whose text changed or vanished. */
export const resolveRecheckSchema = z.discriminatedUnion("action", [
  /** The new text still says what was decided: keep it, anchored. */
  z.object({ action: z.literal("confirm"), revision }),
  /** The decision no longer holds: a link is rejected, an annotation's thread resolved. */
  z.object({ action: z.literal("drop"), revision }),
  /** Point it at another span of the latest version. */
  z
    .object({ action: z.literal("relink"), start: z.int().min(0), end: z.int().min(1), revision })
    .refine((v) => v.start < v.end, { message: "A span must cover at least one character.", path: ["end"] }),
]);

/** Which item of the re-check queue. */
export const recheckTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("link"), linkId: idSchema }),
  z.object({ kind: z.literal("annotation"), annotationId: idSchema }),
]);

/** A page of the dossier's activity feed. */
export const activityPageSchema = z.object({
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.int().min(1).max(200).default(50),
});
