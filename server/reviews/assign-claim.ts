// Assigns a claim to a member of its dossier's workspace for review, or unassigns it.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { loadDossierClaim } from "./load-dossier-claim.ts";
import { assignClaimSchema, idSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/** A claim's assignment after the change. */
export interface ClaimAssignment {
  id: string;
  assigneeId: string | null;
  revision: number;
}

/**
 * Sets who reviews the claim, if it is still at the revision the caller saw (else `conflict`).
 * The assignee must be a member of the dossier's workspace (else `invalid_input`); `null`
 * unassigns. Assigning the current assignee again changes and logs nothing.
 */
export async function assignClaim(
  db: Db,
  input: { dossierId: string; claimId: string; assignment: z.input<typeof assignClaimSchema>; actorId: string },
): Promise<ClaimAssignment> {
  await authorizeDossier(db, userActor(input.actorId), input.dossierId, "claim.assign");
  const dossierId = parseInput(idSchema, input.dossierId);
  const claimId = parseInput(idSchema, input.claimId);
  const { assigneeId, revision } = parseInput(assignClaimSchema, input.assignment);
  return db.$transaction(async (tx) => {
    const claim = await loadDossierClaim(tx, claimId, dossierId);
    if (claim.revision !== revision) throw new AppError("conflict", "Someone changed this claim meanwhile; reload and try again.");
    if (assigneeId !== null) {
      const member = await tx.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: claim.dossier.workspaceId, userId: assigneeId } },
        select: { id: true },
      });
      if (!member) throw new AppError("invalid_input", "Only a member of this workspace can be assigned a claim.");
    }
    if (claim.assigneeId === assigneeId) return { id: claimId, assigneeId, revision };
    const { count } = await tx.claim.updateMany({ where: { id: claimId, revision }, data: { assigneeId, revision: { increment: 1 } } });
    if (count === 0) throw new AppError("conflict", "Someone changed this claim meanwhile; reload and try again.");
    await recordActivity(tx, {
      workspaceId: claim.dossier.workspaceId,
      dossierId,
      actorId: input.actorId,
      action: assigneeId ? "claim.assigned" : "claim.unassigned",
      entityType: "claim",
      entityId: claimId,
      before: { assigneeId: claim.assigneeId },
      after: { assigneeId },
    });
    return { id: claimId, assigneeId, revision: revision + 1 };
  });
}
