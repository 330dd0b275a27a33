// Starts an annotation thread on a span, a claim or a link, or replies to one.
import type { z } from "zod";
import { describe } from "@/core/anchoring/describe.ts";
import { richTextToPlainText } from "@/core/rich-text/rich-text-to-plain-text.ts";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db, Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { parseInput } from "../http/parse-input.ts";
import { annotationIdSchema, newAnnotationSchema } from "./annotation-schemas.ts";
import type { AnnotationPlace } from "./annotation-place.ts";

/**
 * Stores the annotation in the dossier, with span selectors for a span target, and logs it. A
 * reply joins its thread's target; replies to replies are refused.
 */
export async function createAnnotation(
  db: Db,
  input: { dossierId: string; annotation: z.input<typeof newAnnotationSchema>; actor: Actor },
): Promise<{ id: string; revision: number }> {
  const dossierId = parseInput(annotationIdSchema, input.dossierId);
  const { target, parentId, body, tags } = parseInput(newAnnotationSchema, input.annotation);
  const bodyText = richTextToPlainText(body);
  if (!bodyText.trim()) throw new AppError("invalid_input", "Write something first.");
  return db.$transaction(async (tx) => {
    const grant = await authorizeDossier(tx, input.actor, dossierId, "annotation.write");
    const dossier = { workspaceId: grant.workspaceId };
    const place = parentId ? await replyPlace(tx, dossierId, parentId) : await targetPlace(tx, dossierId, target!);
    const annotation = await tx.annotation.create({
      data: { dossierId, ...place, body: body as object, bodyText, tags: parentId ? [] : tags, authorId: grant.userId },
    });
    await recordActivity(tx, {
      workspaceId: dossier.workspaceId,
      dossierId,
      actorId: grant.userId,
      action: parentId ? "annotation.replied" : "annotation.created",
      entityType: "annotation",
      entityId: annotation.id,
      after: { target: place.target, parentId: parentId ?? null, claimId: place.claimId ?? null, linkId: place.linkId ?? null, bodyText, tags },
    });
    return { id: annotation.id, revision: annotation.revision };
  });
}

async function replyPlace(tx: Tx, dossierId: string, parentId: string): Promise<AnnotationPlace> {
  const parent = await tx.annotation.findUnique({ where: { id: parentId } });
  if (!parent || parent.dossierId !== dossierId) throw new AppError("not_found", "No such thread.");
  if (parent.parentId) throw new AppError("invalid_input", "Reply to the thread, not to a reply.");
  return {
    target: parent.target,
    parentId,
    claimId: parent.claimId ?? undefined,
    linkId: parent.linkId ?? undefined,
    versionId: parent.versionId ?? undefined,
  };
}

async function targetPlace(tx: Tx, dossierId: string, target: NonNullable<z.output<typeof newAnnotationSchema>["target"]>): Promise<AnnotationPlace> {
  switch (target.kind) {
    case "span": {
      const version = await tx.documentVersion.findUnique({
        where: { id: target.versionId },
        select: { text: true, document: { select: { dossierId: true } } },
      });
      if (!version || version.document.dossierId !== dossierId) throw new AppError("not_found", "No such document in this dossier.");
      if (target.end > version.text.length) throw new AppError("invalid_input", "The span runs past the end of the document.");
      const [quote, position] = describe(version.text, target.start, target.end);
      return { target: "span", versionId: target.versionId, ...quote, ...position, type: undefined, anchorStatus: "anchored" } as AnnotationPlace;
    }
    case "claim": {
      const claim = await tx.claim.findUnique({ where: { id: target.claimId }, select: { dossierId: true } });
      if (!claim || claim.dossierId !== dossierId) throw new AppError("not_found", "No such claim in this dossier.");
      return { target: "claim", claimId: target.claimId };
    }
    case "link": {
      const link = await tx.link.findUnique({ where: { id: target.linkId }, select: { claimId: true, claim: { select: { dossierId: true } } } });
      if (!link || link.claim.dossierId !== dossierId) throw new AppError("not_found", "No such link in this dossier.");
      return { target: "link", linkId: target.linkId, claimId: link.claimId };
    }
  }
}
