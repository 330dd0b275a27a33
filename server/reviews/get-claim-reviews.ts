// Shows a claim's reviews without letting one reviewer see another's verdict before giving theirs.
import type { Db } from "../db.ts";
import { parseInput } from "../http/parse-input.ts";
import { loadDossierClaim } from "./load-dossier-claim.ts";
import { idSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/** One reviewer's verdict, as shown. */
export interface ReviewView {
  id: string;
  reviewer: { id: string; name: string };
  verdict: string;
  note: string | null;
  updatedAt: Date;
}

/** A claim's reviews as the caller may see them. */
export interface ClaimReviews {
  claimId: string;
  reviewState: string;
  revision: number;
  /** The caller's own review, if any. */
  mine: ReviewView | null;
  /** The other reviewers' reviews; empty while `hidden`. */
  others: ReviewView[];
  /** How many others have reviewed: known even while their verdicts are hidden. */
  othersSubmitted: number;
  /** True while the caller has not reviewed and is not adjudicating. */
  hidden: boolean;
}

/**
 * The claim's reviews. The others' verdicts are shown only once the caller has submitted their
 * own, or when the caller adjudicates as the dossier's owner (`asOwner`, which the caller's
 * authorisation vouches for): reviews stay independent.
 */
export async function getClaimReviews(
  db: Db,
  input: { dossierId: string; claimId: string; actorId: string; asOwner: boolean },
): Promise<ClaimReviews> {
  const grant = await authorizeDossier(db, userActor(input.actorId), input.dossierId, "dossier.read");
  const asOwner = input.asOwner && grant.role === "owner";
  const dossierId = parseInput(idSchema, input.dossierId);
  const claimId = parseInput(idSchema, input.claimId);
  const actorId = parseInput(idSchema, input.actorId);
  return db.$transaction(async (tx) => {
    const claim = await loadDossierClaim(tx, claimId, dossierId);
    const reviews = await tx.review.findMany({
      where: { claimId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, verdict: true, note: true, updatedAt: true, reviewer: { select: { id: true, name: true } } },
    });
    const mine = reviews.find((r) => r.reviewer.id === actorId) ?? null;
    const others = reviews.filter((r) => r.reviewer.id !== actorId);
    const hidden = !asOwner && !mine;
    return { claimId, reviewState: claim.reviewState, revision: claim.revision, mine, others: hidden ? [] : others, othersSubmitted: others.length, hidden };
  });
}
