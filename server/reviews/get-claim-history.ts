// Tells a claim's whole story: every change to it, its links, its reviews and its annotations.
import type { Db } from "../db.ts";
import { parseInput } from "../http/parse-input.ts";
import { loadDossierClaim } from "./load-dossier-claim.ts";
import { ACTIVITY_SELECT, presentActivity, type ActivityView } from "./present-activity.ts";
import { idSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/**
 * The activity about the claim, oldest first, with actor names: its review states, assignments
 * and adjudications; its links (deleted ones included, through the claim id their entries
 * carry); its reviews (verdicts hidden as in `getClaimReviews`, `asOwner` as there); and the
 * annotations on it and on its links.
 */
export async function getClaimHistory(
  db: Db,
  input: { dossierId: string; claimId: string; actorId: string; asOwner?: boolean },
): Promise<ActivityView[]> {
  const grant = await authorizeDossier(db, userActor(input.actorId), input.dossierId, "dossier.read");
  const dossierId = parseInput(idSchema, input.dossierId);
  const claimId = parseInput(idSchema, input.claimId);
  const actorId = parseInput(idSchema, input.actorId);
  return db.$transaction(async (tx) => {
    await loadDossierClaim(tx, claimId, dossierId);
    const [links, reviews, annotations] = await Promise.all([
      tx.link.findMany({ where: { claimId }, select: { id: true } }),
      tx.review.findMany({ where: { claimId }, select: { id: true } }),
      tx.annotation.findMany({ where: { claimId }, select: { id: true } }),
    ]);
    const rows = await tx.activity.findMany({
      where: {
        dossierId,
        OR: [
          { entityType: "claim", entityId: claimId },
          { entityType: "link", entityId: { in: links.map((l) => l.id) } },
          { entityType: "link", before: { path: ["claimId"], equals: claimId } },
          { entityType: "link", after: { path: ["claimId"], equals: claimId } },
          { entityType: "review", entityId: { in: reviews.map((r) => r.id) } },
          { entityType: "annotation", entityId: { in: annotations.map((a) => a.id) } },
        ],
      },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: ACTIVITY_SELECT,
    });
    return presentActivity(tx, rows, { actorId, asOwner: Boolean(input.asOwner) && grant.role === "owner" });
  });
}
