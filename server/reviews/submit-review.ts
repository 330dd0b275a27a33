// Records a reviewer's independent verdict on a claim in two-reviewer mode, and settles the claim
// when the verdicts allow it.
import type { z } from "zod";
import { settleReviews } from "@/core/review/settle-reviews.ts";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db, Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { loadDossierClaim } from "./load-dossier-claim.ts";
import { idSchema, submitReviewSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/** The caller's review as stored, and what it did to the claim. */
export interface SubmittedReview {
  reviewId: string;
  claimId: string;
  verdict: "verified" | "disputed" | "not_in_sources";
  note: string | null;
  /** The claim's review state after this review. */
  reviewState: string;
  revision: number;
  /** True when the reviewers disagree: the claim waits for the owner's adjudication. */
  disagreement: boolean;
}

/**
 * Stores (or replaces) the caller's verdict on a claim of a dossier in two-reviewer mode (else
 * `invalid_input`) while the claim is unreviewed or in review (a settled claim is reopened first).
 * The claim is then in review until a second verdict is in; agreeing verdicts settle it, any
 * disagreement makes it disputed and puts it in the adjudication queue. A reviewer needs no
 * revision (they cannot see the others' work), but two reviews racing on one claim still cannot
 * both settle it: the claim is updated at the revision read here (else `conflict`, retry).
 */
export async function submitReview(
  db: Db,
  input: { dossierId: string; claimId: string; review: z.input<typeof submitReviewSchema>; actorId: string },
): Promise<SubmittedReview> {
  await authorizeDossier(db, userActor(input.actorId), input.dossierId, "claim.review");
  const dossierId = parseInput(idSchema, input.dossierId);
  const claimId = parseInput(idSchema, input.claimId);
  const reviewerId = parseInput(idSchema, input.actorId);
  const { verdict, note: rawNote } = parseInput(submitReviewSchema, input.review);
  const note = rawNote ? rawNote : null;
  try {
    return await db.$transaction((tx) => store(tx, { dossierId, claimId, reviewerId, verdict, note }));
  } catch (error) {
    // The same reviewer's first review, submitted twice at once.
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "Your review was just stored; reload to see it.");
    throw error;
  }
}

async function store(
  tx: Tx,
  review: { dossierId: string; claimId: string; reviewerId: string; verdict: SubmittedReview["verdict"]; note: string | null },
): Promise<SubmittedReview> {
  const { dossierId, claimId, reviewerId, verdict, note } = review;
  const claim = await loadDossierClaim(tx, claimId, dossierId);
  if (!claim.dossier.twoReviewerMode) throw new AppError("invalid_input", "This dossier is not in two-reviewer mode; set the claim's review state instead.");
  if (claim.reviewState !== "unreviewed" && claim.reviewState !== "in_review") {
    throw new AppError("invalid_input", `The claim is already ${claim.reviewState.replaceAll("_", " ")}; reopen it to review it again.`);
  }
  const existing = await tx.review.findUnique({ where: { claimId_reviewerId: { claimId, reviewerId } }, select: { verdict: true, note: true } });
  const stored = await tx.review.upsert({
    where: { claimId_reviewerId: { claimId, reviewerId } },
    create: { claimId, reviewerId, verdict, note },
    update: { verdict, note },
    select: { id: true },
  });
  const all = await tx.review.findMany({ where: { claimId }, select: { verdict: true } });
  const settlement = settleReviews(all.map((r) => r.verdict as "verified" | "disputed" | "not_in_sources"));
  const { count } = await tx.claim.updateMany({
    where: { id: claimId, revision: claim.revision },
    data: { reviewState: settlement.state, revision: { increment: 1 } },
  });
  if (count === 0) throw new AppError("conflict", "Someone changed this claim meanwhile; submit your review again.");
  await recordActivity(tx, {
    workspaceId: claim.dossier.workspaceId,
    dossierId,
    actorId: reviewerId,
    action: existing ? "review.changed" : "review.submitted",
    entityType: "review",
    entityId: stored.id,
    before: { claimId, verdict: existing?.verdict ?? null, note: existing?.note ?? null, reviewState: claim.reviewState },
    after: { claimId, verdict, note, reviewState: settlement.state },
  });
  return { reviewId: stored.id, claimId, verdict, note, reviewState: settlement.state, revision: claim.revision + 1, disagreement: settlement.disagreement };
}
