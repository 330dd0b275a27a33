// Sets a claim's review state (e.g. "not in the attached sources"), with optimistic concurrency.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema, setReviewStateSchema } from "../links/link-schemas.ts";

/** Stores the new review state if the claim is still at the revision the reviewer saw. */
export async function setReviewState(
  db: Db,
  input: { claimId: string; review: z.input<typeof setReviewStateSchema>; actorId?: string | null },
): Promise<{ id: string; reviewState: string; revision: number }> {
  const claimId = parseInput(idSchema, input.claimId);
  const { reviewState, revision } = parseInput(setReviewStateSchema, input.review);
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: claimId },
      select: { reviewState: true, dossierId: true, dossier: { select: { workspaceId: true } } },
    });
    if (!claim) throw new AppError("not_found", "No such claim.");
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, revision },
      data: { reviewState, revision: { increment: 1 } },
    });
    if (count === 0) throw new AppError("conflict", "Someone changed this claim meanwhile; reload and try again.");
    await recordActivity(tx, {
      workspaceId: claim.dossier.workspaceId,
      dossierId: claim.dossierId,
      actorId: input.actorId,
      action: "claim.review_state_set",
      entityType: "claim",
      entityId: claimId,
      before: { reviewState: claim.reviewState },
      after: { reviewState },
    });
    return { id: claimId, reviewState, revision: revision + 1 };
  });
}
