// Sets a claim's review state by hand (e.g. "not in the attached sources"), along the allowed
// transitions, with optimistic concurrency.
import type { z } from "zod";
import { refuseTransition } from "@/core/review/review-transitions.ts";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema, setReviewStateSchema } from "../links/link-schemas.ts";
import { loadDossierClaim } from "../reviews/load-dossier-claim.ts";
import { ANONYMOUS } from "../policies/actor.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/**
 * Stores the new review state if the claim is still at the revision the reviewer saw (else
 * `conflict`) and the change is an allowed transition (else `invalid_input` naming both states;
 * see `core/review/review-transitions.ts`). In two-reviewer mode verdicts are refused here: they
 * come from `submitReview`. With `dossierId`, a claim of another dossier is `not_found`.
 */
export async function setReviewState(
  db: Db,
  input: { claimId: string; review: z.input<typeof setReviewStateSchema>; actorId?: string | null; dossierId?: string },
): Promise<{ id: string; reviewState: string; revision: number }> {
  const claimId = parseInput(idSchema, input.claimId);
  const dossierId = input.dossierId === undefined ? undefined : parseInput(idSchema, input.dossierId);
  const { reviewState, revision } = parseInput(setReviewStateSchema, input.review);
  return db.$transaction(async (tx) => {
    const claim = await loadDossierClaim(tx, claimId, dossierId);
    const actor = input.actorId ? userActor(input.actorId) : ANONYMOUS;
    await authorizeDossier(tx, actor, claim.dossierId, "claim.review");
    if (claim.revision !== revision) throw new AppError("conflict", "Someone changed this claim meanwhile; reload and try again.");
    const refusal = refuseTransition(claim.reviewState, reviewState, { twoReviewerMode: claim.dossier.twoReviewerMode });
    if (refusal) throw new AppError("invalid_input", refusal, { from: claim.reviewState, to: reviewState });
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
