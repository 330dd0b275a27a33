// Records the owner's decision on a claim its reviewers disagreed on, with the reason.
import type { z } from "zod";
import { settleReviews } from "@/core/review/settle-reviews.ts";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { loadDossierClaim } from "./load-dossier-claim.ts";
import { adjudicateClaimSchema, idSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/** The decision as stored. */
export interface ClaimAdjudication {
  adjudicationId: string;
  claimId: string;
  reviewState: "verified" | "disputed" | "not_in_sources";
  reason: string;
  revision: number;
}

/**
 * Stores an Adjudication and sets the claim's review state to its outcome, if the claim is still
 * at the revision the owner saw (else `conflict`) and its reviews disagree (else `invalid_input`:
 * agreeing reviews need no decision). A later decision on the same disagreement is kept too.
 */
export async function adjudicateClaim(
  db: Db,
  input: { dossierId: string; claimId: string; decision: z.input<typeof adjudicateClaimSchema>; actorId: string },
): Promise<ClaimAdjudication> {
  await authorizeDossier(db, userActor(input.actorId), input.dossierId, "review.adjudicate");
  const dossierId = parseInput(idSchema, input.dossierId);
  const claimId = parseInput(idSchema, input.claimId);
  const { outcome, reason, revision } = parseInput(adjudicateClaimSchema, input.decision);
  return db.$transaction(async (tx) => {
    const claim = await loadDossierClaim(tx, claimId, dossierId);
    if (claim.revision !== revision) throw new AppError("conflict", "Someone changed this claim meanwhile; reload and try again.");
    const reviews = await tx.review.findMany({ where: { claimId }, select: { verdict: true } });
    if (!settleReviews(reviews.map((r) => r.verdict as "verified" | "disputed" | "not_in_sources")).disagreement) {
      throw new AppError("invalid_input", "Only a claim its reviewers disagree on is adjudicated.");
    }
    const { count } = await tx.claim.updateMany({ where: { id: claimId, revision }, data: { reviewState: outcome, revision: { increment: 1 } } });
    if (count === 0) throw new AppError("conflict", "Someone changed this claim meanwhile; reload and try again.");
    const adjudication = await tx.adjudication.create({ data: { claimId, deciderId: input.actorId, outcome, reason }, select: { id: true } });
    await recordActivity(tx, {
      workspaceId: claim.dossier.workspaceId,
      dossierId,
      actorId: input.actorId,
      action: "claim.adjudicated",
      entityType: "claim",
      entityId: claimId,
      before: { reviewState: claim.reviewState },
      after: { reviewState: outcome, reason, adjudicationId: adjudication.id },
    });
    return { adjudicationId: adjudication.id, claimId, reviewState: outcome, reason, revision: revision + 1 };
  });
}
