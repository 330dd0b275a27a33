// The inputs of the link use cases, validated at the boundary.
import { z } from "zod";

/** An id as the database makes them. */
export const idSchema = z.uuid({ error: "Not a valid id." });

/** The revision the client last saw, for optimistic concurrency. */
const revision = z.int().min(1);

/** Accept (with a verdict), reject, or return a link to the suggestions. */
export const decideLinkSchema = z
  .object({
    /** The link's new state. */
    state: z.enum(["accepted", "rejected", "suggested"]),
    /** How the span bears on the claim; only for accepted links (defaults to supports). */
    verdict: z.enum(["supports", "partial", "contradicts"]).nullish(),
    revision,
  })
  .refine((v) => v.state === "accepted" || !v.verdict, { message: "Only an accepted link carries a verdict.", path: ["verdict"] });

/** A link made by hand: a span of a source version chosen as evidence for a claim. */
export const createLinkSchema = z
  .object({
    /** The source document version the offsets point into. */
    versionId: idSchema,
    /** UTF-16 offsets into that version's text, end exclusive. */
    start: z.int().min(0),
    end: z.int().min(1),
    verdict: z.enum(["supports", "partial", "contradicts"]).default("supports"),
  })
  .refine((v) => v.start < v.end, { message: "A link must cover at least one character.", path: ["end"] });

/** New ends for a link, in the latest version of its source. */
export const adjustLinkSchema = z
  .object({ start: z.int().min(0), end: z.int().min(1), revision })
  .refine((v) => v.start < v.end, { message: "A link must cover at least one character.", path: ["end"] });

/** Removing a link. */
export const deleteLinkSchema = z.object({ revision });

/** A reviewer's state for a claim. */
export const setReviewStateSchema = z.object({
  reviewState: z.enum(["unreviewed", "in_review", "verified", "disputed", "not_in_sources"]),
  revision,
});
