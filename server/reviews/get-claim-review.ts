// Gathers what the reader shows about one claim's review: its state, assignee, the reviews the
// caller may see, whether it waits for the owner's decision, and its history.
import { isSettled, type ReviewState } from "@/core/review/review-transitions.ts";
import { settleReviews } from "@/core/review/settle-reviews.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Role } from "../generated/prisma/client.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";
import { getClaimHistory } from "./get-claim-history.ts";
import { getClaimReviews, type ClaimReviews } from "./get-claim-reviews.ts";
import { deskPermissions, type DeskMember, type DeskPermissions } from "./get-review-desk.ts";
import type { ActivityView } from "./present-activity.ts";
import { idSchema } from "./review-schemas.ts";

/** One claim's review, as the reader's review section shows it. */
export interface ClaimReview {
  claimId: string;
  reviewState: ReviewState;
  revision: number;
  assignee: { id: string; name: string } | null;
  twoReviewerMode: boolean;
  /** Reviewers disagreed and the owner has not decided since the latest review. */
  awaitingAdjudication: boolean;
  viewer: { id: string; role: Role; may: DeskPermissions };
  members: DeskMember[];
  reviews: ClaimReviews;
  history: ActivityView[];
}

/**
 * The claim's review for any member of its dossier. Reviews stay blind as in `getClaimReviews`;
 * the owner reads every verdict once the claim is settled (by agreement or by their own decision),
 * when there is no independent review left to protect.
 */
export async function getClaimReview(db: Db, input: { dossierId: string; claimId: string; actorId: string }): Promise<ClaimReview> {
  const grant = await authorizeDossier(db, userActor(input.actorId), input.dossierId, "dossier.read");
  const dossierId = parseInput(idSchema, input.dossierId);
  const claimId = parseInput(idSchema, input.claimId);
  const claim = await db.claim.findUnique({
    where: { id: claimId },
    select: {
      dossierId: true,
      reviewState: true,
      revision: true,
      assignee: { select: { id: true, name: true } },
      reviews: { select: { verdict: true, updatedAt: true } },
      adjudications: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
      dossier: {
        select: {
          twoReviewerMode: true,
          workspace: {
            select: {
              viewersMayAnnotate: true,
              memberships: { where: { user: { apiToken: null } }, orderBy: [{ user: { name: "asc" } }, { userId: "asc" }], select: { role: true, user: { select: { id: true, name: true } } } },
            },
          },
        },
      },
    },
  });
  if (!claim || claim.dossierId !== dossierId) throw new AppError("not_found", "No such claim in this dossier.");
  const reviewState = claim.reviewState as ReviewState;
  const asOwner = grant.role === "owner" && isSettled(reviewState);
  const [reviews, history] = await Promise.all([
    getClaimReviews(db, { dossierId, claimId, actorId: input.actorId, asOwner }),
    getClaimHistory(db, { dossierId, claimId, actorId: input.actorId, asOwner }),
  ]);
  const disagreement = settleReviews(claim.reviews.map((r) => r.verdict as "verified" | "disputed" | "not_in_sources")).disagreement;
  const lastReview = Math.max(0, ...claim.reviews.map((r) => r.updatedAt.getTime()));
  const decided = claim.adjudications[0]?.createdAt.getTime() ?? 0;
  const { workspace } = claim.dossier;
  return {
    claimId,
    reviewState,
    revision: claim.revision,
    assignee: claim.assignee,
    twoReviewerMode: claim.dossier.twoReviewerMode,
    awaitingAdjudication: reviewState === "disputed" && disagreement && decided < lastReview,
    viewer: { id: grant.userId, role: grant.role, may: deskPermissions(grant.role, workspace) },
    members: workspace.memberships.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role })),
    reviews,
    history,
  };
}
