// Changes an annotation — edit its body, resolve or reopen its thread, retag it, or delete it —
// with optimistic concurrency and the change logged in the same transaction.
import type { z } from "zod";
import { richTextToPlainText } from "@/core/rich-text/rich-text-to-plain-text.ts";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { parseInput } from "../http/parse-input.ts";
import {
  annotationIdSchema,
  deleteAnnotationSchema,
  editAnnotationSchema,
  resolveAnnotationSchema,
  tagAnnotationSchema,
} from "./annotation-schemas.ts";

/** One change to an annotation. */
export type AnnotationChange =
  | { kind: "edit"; change: z.input<typeof editAnnotationSchema> }
  | { kind: "resolve"; change: z.input<typeof resolveAnnotationSchema> }
  | { kind: "tag"; change: z.input<typeof tagAnnotationSchema> }
  | { kind: "delete"; change: z.input<typeof deleteAnnotationSchema> };

const EMPTY_DOC = { type: "doc", content: [] };

/**
 * Applies the change if the annotation is still at the revision the user saw (else `conflict`).
 * An edit marks the annotation edited; its earlier text stays in the activity log. A delete
 * leaves a placeholder in the thread (the text is cleared, the log keeps who deleted what and
 * when). Only a thread's first annotation can be resolved or tagged. Deleted annotations
 * cannot change.
 */
export async function updateAnnotation(
  db: Db,
  input: { annotationId: string; update: AnnotationChange; actor: Actor },
): Promise<{ id: string; revision: number }> {
  const annotationId = parseInput(annotationIdSchema, input.annotationId);
  const { data, action, revision } = prepare(input.update);
  return db.$transaction(async (tx) => {
    const before = await tx.annotation.findUnique({
      where: { id: annotationId },
      select: { authorId: true, bodyText: true, resolved: true, tags: true, deleted: true, parentId: true, dossierId: true, dossier: { select: { workspaceId: true } } },
    });
    if (!before) throw new AppError("not_found", "No such annotation.");
    const grant = await authorizeDossier(tx, input.actor, before.dossierId, "annotation.write");
    // Only its author edits or deletes an annotation; an owner may delete any (moderation).
    const own = before.authorId === grant.userId;
    if ((action === "annotation.edited" && !own) || (action === "annotation.deleted" && !own && grant.role !== "owner")) {
      throw new AppError("forbidden", "Only the author can change this note.");
    }
    if (before.deleted) throw new AppError("conflict", "This annotation was deleted.");
    if ((action === "annotation.resolved" || action === "annotation.reopened" || action === "annotation.tagged") && before.parentId) {
      throw new AppError("invalid_input", "Resolve and tag the thread, not a reply.");
    }
    const { count } = await tx.annotation.updateMany({ where: { id: annotationId, revision }, data: { ...data, revision: { increment: 1 } } });
    if (count === 0) throw new AppError("conflict", "Someone changed this annotation meanwhile; reload and try again.");
    await recordActivity(tx, {
      workspaceId: before.dossier.workspaceId,
      dossierId: before.dossierId,
      actorId: grant.userId,
      action,
      entityType: "annotation",
      entityId: annotationId,
      before: { bodyText: before.bodyText, resolved: before.resolved, tags: before.tags },
      after: { bodyText: data.bodyText ?? before.bodyText, resolved: data.resolved ?? before.resolved, tags: data.tags ?? before.tags, deleted: data.deleted ?? false },
    });
    return { id: annotationId, revision: revision + 1 };
  });
}

function prepare(update: AnnotationChange): {
  data: Prisma.AnnotationUpdateManyMutationInput & { bodyText?: string; resolved?: boolean; tags?: string[]; deleted?: boolean };
  action: string;
  revision: number;
} {
  switch (update.kind) {
    case "edit": {
      const { body, revision } = parseInput(editAnnotationSchema, update.change);
      const bodyText = richTextToPlainText(body);
      if (!bodyText.trim()) throw new AppError("invalid_input", "Write something first, or delete the note.");
      return { data: { body: body as object, bodyText, editedAt: new Date() }, action: "annotation.edited", revision };
    }
    case "resolve": {
      const { resolved, revision } = parseInput(resolveAnnotationSchema, update.change);
      return { data: { resolved }, action: resolved ? "annotation.resolved" : "annotation.reopened", revision };
    }
    case "tag": {
      const { tags, revision } = parseInput(tagAnnotationSchema, update.change);
      return { data: { tags: [...new Set(tags)] }, action: "annotation.tagged", revision };
    }
    case "delete": {
      const { revision } = parseInput(deleteAnnotationSchema, update.change);
      return { data: { deleted: true, body: EMPTY_DOC, bodyText: "" }, action: "annotation.deleted", revision };
    }
  }
}
