// Unlinks: a link made by hand is deleted; a suggestion is rejected so it is not suggested again.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { deleteLinkSchema, idSchema } from "./link-schemas.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";

/** Removes the link if it is still at the revision the reviewer saw (else `conflict`). */
export async function deleteLink(
  db: Db,
  input: { linkId: string; request: z.input<typeof deleteLinkSchema>; actor: Actor },
): Promise<{ deleted: boolean; rejected: boolean }> {
  const linkId = parseInput(idSchema, input.linkId);
  const { revision } = parseInput(deleteLinkSchema, input.request);
  return db.$transaction(async (tx) => {
    const link = await tx.link.findUnique({
      where: { id: linkId },
      select: {
        origin: true,
        state: true,
        verdict: true,
        exact: true,
        claimId: true,
        claim: { select: { dossierId: true, dossier: { select: { workspaceId: true } } } },
      },
    });
    if (!link) throw new AppError("not_found", "No such link.");
    const grant = await authorizeDossier(tx, input.actor, link.claim.dossierId, "link.write");
    const manual = link.origin === "manual";
    const { count } = manual
      ? await tx.link.deleteMany({ where: { id: linkId, revision } })
      : await tx.link.updateMany({ where: { id: linkId, revision }, data: { state: "rejected", verdict: null, revision: { increment: 1 } } });
    if (count === 0) throw new AppError("conflict", "Someone changed this link meanwhile; reload and try again.");
    await recordActivity(tx, {
      workspaceId: link.claim.dossier.workspaceId,
      dossierId: link.claim.dossierId,
      actorId: grant.userId,
      action: manual ? "link.deleted" : "link.rejected",
      entityType: "link",
      entityId: linkId,
      before: { claimId: link.claimId, state: link.state, verdict: link.verdict, exact: link.exact },
      after: manual ? null : { state: "rejected" },
    });
    return { deleted: manual, rejected: !manual };
  });
}
