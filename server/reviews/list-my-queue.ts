// Lists the claims waiting for the caller's review, across the dossiers of their workspaces.
import type { Db } from "../db.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema } from "./review-schemas.ts";

/** A claim in someone's review queue. */
export interface QueuedClaim {
  claimId: string;
  dossierId: string;
  dossierTitle: string;
  text: string;
  order: number;
  reviewState: "unreviewed" | "in_review";
  revision: number;
  /** In two-reviewer mode: whether the caller's own review is already in. */
  reviewedByMe: boolean;
}

/**
 * The claims assigned to the caller that are not settled yet (unreviewed or in review) and still
 * in the briefing, in dossiers of workspaces the caller is a member of; by dossier title, then the
 * claims' order in the briefing.
 */
export async function listMyQueue(db: Db, input: { actorId: string }): Promise<QueuedClaim[]> {
  const actorId = parseInput(idSchema, input.actorId);
  const claims = await db.claim.findMany({
    where: {
      assigneeId: actorId,
      reviewState: { in: ["unreviewed", "in_review"] },
      retiredAt: null,
      dossier: { workspace: { memberships: { some: { userId: actorId } } } },
    },
    orderBy: [{ dossier: { title: "asc" } }, { dossierId: "asc" }, { order: "asc" }],
    select: {
      id: true,
      dossierId: true,
      text: true,
      order: true,
      reviewState: true,
      revision: true,
      dossier: { select: { title: true } },
      reviews: { where: { reviewerId: actorId }, select: { id: true } },
    },
  });
  return claims.map((c) => ({
    claimId: c.id,
    dossierId: c.dossierId,
    dossierTitle: c.dossier.title,
    text: c.text,
    order: c.order,
    reviewState: c.reviewState as "unreviewed" | "in_review",
    revision: c.revision,
    reviewedByMe: c.reviews.length > 0,
  }));
}
