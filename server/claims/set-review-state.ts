// Sets a claim's review state by hand (e.g. "not in the attached sources"), along the allowed
// transitions, with optimistic concurrency.
import type { z } from "zod";
import { refuseTransition } from "@/core/review/review-transitions.ts";
import { logChangeSql } from "../activity/log-change-sql.ts";
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
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
  // The claim as the reviewer changes it, then whether they may (two reads, outside a transaction: the
  // change below holds only if the claim is still as read).
  const claim = await loadDossierClaim(db, claimId, dossierId);
  const actor = input.actorId ? userActor(input.actorId) : ANONYMOUS;
  await authorizeDossier(db, actor, claim.dossierId, "claim.review");
  if (claim.revision !== revision) throw new AppError("conflict", "Someone changed this claim meanwhile; reload and try again.");
  const refusal = refuseTransition(claim.reviewState, reviewState, { twoReviewerMode: claim.dossier.twoReviewerMode });
  if (refusal) throw new AppError("invalid_input", refusal, { from: claim.reviewState, to: reviewState });
  // The change, its log and its notification in one statement, only if the claim is still as read.
  const [{ changed }] = await db.$queryRaw<{ changed: bigint; notified: bigint }[]>`
    WITH changed AS (
      UPDATE "Claim" SET "reviewState" = ${reviewState}::"ReviewState", "revision" = "revision" + 1, "updatedAt" = now()
      WHERE "id" = ${claimId} AND "revision" = ${revision} AND "reviewState" = ${claim.reviewState}::"ReviewState"
      RETURNING "id"
    ), ${logChangeSql({
      from: Prisma.sql`changed`,
      workspaceId: Prisma.sql`${claim.dossier.workspaceId}`,
      dossierId: Prisma.sql`${claim.dossierId}`,
      entityId: Prisma.sql`changed."id"`,
      before: Prisma.sql`${JSON.stringify({ reviewState: claim.reviewState })}::jsonb`,
      actorId: input.actorId ?? null,
      action: "claim.review_state_set",
      entityType: "claim",
      after: { reviewState },
    })}
    SELECT (SELECT count(*) FROM changed) AS "changed", (SELECT count(*) FROM notified) AS "notified"`;
  if (changed === 0n) throw new AppError("conflict", "Someone changed this claim meanwhile; reload and try again.");
  return { id: claimId, reviewState, revision: revision + 1 };
}
