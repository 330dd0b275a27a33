// Publishes a dossier read-only by link, or withdraws the link.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";

/** Publish (a new link each time) or unpublish. */
export const setPublishedSchema = z.object({
  /** Whether anyone with the link may read the dossier. */
  published: z.boolean(),
});

/**
 * Owners publish a dossier under a fresh unguessable token (any earlier link stops working) or
 * withdraw it. Returns the read-only path, or null.
 */
export async function setPublished(
  db: Db,
  input: { dossierId: string; change: z.input<typeof setPublishedSchema>; actor: Actor },
): Promise<{ publishedPath: string | null }> {
  if (!z.uuid().safeParse(input.dossierId).success) throw new AppError("not_found", "No such dossier.");
  const { published } = parseInput(setPublishedSchema, input.change);
  return db.$transaction(async (tx) => {
    const grant = await authorizeDossier(tx, input.actor, input.dossierId, "dossier.publish");
    const before = await tx.dossier.findUniqueOrThrow({ where: { id: input.dossierId }, select: { publishToken: true } });
    const publishToken = published ? randomBytes(18).toString("base64url") : null;
    await tx.dossier.update({ where: { id: input.dossierId }, data: { publishToken } });
    await recordActivity(tx, {
      workspaceId: grant.workspaceId,
      dossierId: input.dossierId,
      actorId: grant.userId,
      action: published ? "dossier.published" : "dossier.unpublished",
      entityType: "dossier",
      entityId: input.dossierId,
      before: { published: before.publishToken !== null },
      after: { published },
    });
    return { publishedPath: publishToken ? `/p/${publishToken}` : null };
  });
}
