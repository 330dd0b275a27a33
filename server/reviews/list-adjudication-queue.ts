// Lists the claims of a dossier whose reviewers disagreed and that the owner has not decided yet.
import { settleReviews } from "@/core/review/settle-reviews.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import type { ReviewView } from "./get-claim-reviews.ts";
import { idSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/** A claim waiting for the owner's decision, with the verdicts to decide between. */
export interface AdjudicationItem {
  claimId: string;
  text: string;
  order: number;
  revision: number;
  reviews: ReviewView[];
}

/**
 * Disputed claims still in the briefing whose reviews disagree and that have no adjudication
 * newer than their latest review, in briefing order. The owner sees every verdict.
 */
export async function listAdjudicationQueue(db: Db, input: { dossierId: string; actorId: string }): Promise<AdjudicationItem[]> {
  await authorizeDossier(db, userActor(input.actorId), input.dossierId, "review.adjudicate");
  const dossierId = parseInput(idSchema, input.dossierId);
  const dossier = await db.dossier.findUnique({ where: { id: dossierId }, select: { id: true } });
  if (!dossier) throw new AppError("not_found", "No such dossier.");
  const claims = await db.claim.findMany({
    where: { dossierId, reviewState: "disputed", retiredAt: null, reviews: { some: {} } },
    orderBy: { order: "asc" },
    select: {
      id: true,
      text: true,
      order: true,
      revision: true,
      reviews: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, verdict: true, note: true, updatedAt: true, reviewer: { select: { id: true, name: true } } },
      },
      adjudications: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  return claims
    .filter((c) => {
      if (!settleReviews(c.reviews.map((r) => r.verdict as "verified" | "disputed" | "not_in_sources")).disagreement) return false;
      const decided = c.adjudications[0]?.createdAt;
      const lastReview = Math.max(...c.reviews.map((r) => r.updatedAt.getTime()));
      return !decided || decided.getTime() < lastReview;
    })
    .map((c) => ({ claimId: c.id, text: c.text, order: c.order, revision: c.revision, reviews: c.reviews }));
}
