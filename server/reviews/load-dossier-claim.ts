// Loads a claim for a review use case, refusing one that is not in the dossier the caller named.
import type { Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";

/** The facts about a claim that the review use cases decide on. */
export interface DossierClaim {
  id: string;
  dossierId: string;
  reviewState: "unreviewed" | "in_review" | "verified" | "disputed" | "not_in_sources";
  assigneeId: string | null;
  revision: number;
  dossier: { workspaceId: string; twoReviewerMode: boolean };
}

/**
 * The claim `claimId`, or `not_found` if there is none or it belongs to another dossier than
 * `dossierId` (when given): a caller authorised on one dossier reaches no other's claims.
 */
export async function loadDossierClaim(tx: Tx, claimId: string, dossierId?: string): Promise<DossierClaim> {
  const claim = await tx.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      dossierId: true,
      reviewState: true,
      assigneeId: true,
      revision: true,
      dossier: { select: { workspaceId: true, twoReviewerMode: true } },
    },
  });
  if (!claim || (dossierId !== undefined && claim.dossierId !== dossierId)) throw new AppError("not_found", "No such claim in this dossier.");
  return claim;
}
