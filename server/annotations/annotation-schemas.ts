// The inputs of the annotation use cases, validated at the boundary.
import { z } from "zod";
import { annotationBodySchema } from "./annotation-body-schema.ts";

const id = z.uuid({ error: "Not a valid id." });
const tag = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, "Tags are words, digits, spaces, - and _.");

/** What a new thread is about: a span of a document version, a claim, or a link. */
export const annotationTargetSchema = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("span"), versionId: id, start: z.int().min(0), end: z.int().min(1) })
    .refine((t) => t.start < t.end, { message: "A span must cover at least one character.", path: ["end"] }),
  z.object({ kind: z.literal("claim"), claimId: id }),
  z.object({ kind: z.literal("link"), linkId: id }),
]);

/** A new thread, or a reply when `parentId` is given (then `target` is the parent's). */
export const newAnnotationSchema = z
  .object({
    target: annotationTargetSchema.optional(),
    parentId: id.optional(),
    /** Tiptap JSON of the note. */
    body: annotationBodySchema,
    tags: z.array(tag).max(10).default([]),
  })
  .refine((a) => Boolean(a.target) !== Boolean(a.parentId), { message: "Give either a target or the thread to reply to.", path: ["target"] });

/** A new body for an annotation. */
export const editAnnotationSchema = z.object({ body: annotationBodySchema, revision: z.int().min(1) });

/** Resolve or reopen a thread. */
export const resolveAnnotationSchema = z.object({ resolved: z.boolean(), revision: z.int().min(1) });

/** Replace a thread's tags. */
export const tagAnnotationSchema = z.object({ tags: z.array(tag).max(10), revision: z.int().min(1) });

/** Delete an annotation (a placeholder stays in its thread). */
export const deleteAnnotationSchema = z.object({ revision: z.int().min(1) });

/** Which threads to list. */
export const listAnnotationsSchema = z.object({
  status: z.enum(["open", "resolved", "all"]).default("all"),
  tag: tag.optional(),
  authorId: id.optional(),
});

export { id as annotationIdSchema };
