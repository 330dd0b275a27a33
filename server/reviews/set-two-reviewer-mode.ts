// Turns two-reviewer mode on or off for a dossier.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema, twoReviewerModeSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/**
 * In two-reviewer mode a claim is settled only by two reviewers' independent verdicts (or the
 * owner's adjudication when they disagree). Claims already settled keep their state either way.
 * Setting the mode it already has changes and logs nothing.
 */
export async function setTwoReviewerMode(
  db: Db,
  input: { dossierId: string; mode: z.input<typeof twoReviewerModeSchema>; actorId: string },
): Promise<{ dossierId: string; twoReviewerMode: boolean }> {
  await authorizeDossier(db, userActor(input.actorId), input.dossierId, "dossier.settings");
  const dossierId = parseInput(idSchema, input.dossierId);
  const { enabled } = parseInput(twoReviewerModeSchema, input.mode);
  return db.$transaction(async (tx) => {
    const dossier = await tx.dossier.findUnique({ where: { id: dossierId }, select: { workspaceId: true, twoReviewerMode: true } });
    if (!dossier) throw new AppError("not_found", "No such dossier.");
    if (dossier.twoReviewerMode === enabled) return { dossierId, twoReviewerMode: enabled };
    // Only the transaction that flips the flag logs it.
    const { count } = await tx.dossier.updateMany({ where: { id: dossierId, twoReviewerMode: !enabled }, data: { twoReviewerMode: enabled } });
    if (count === 0) throw new AppError("conflict", "Someone changed this dossier's review mode meanwhile; reload and try again.");
    await recordActivity(tx, {
      workspaceId: dossier.workspaceId,
      dossierId,
      actorId: input.actorId,
      action: enabled ? "dossier.two_reviewer_mode_on" : "dossier.two_reviewer_mode_off",
      entityType: "dossier",
      entityId: dossierId,
      before: { twoReviewerMode: !enabled },
      after: { twoReviewerMode: enabled },
    });
    return { dossierId, twoReviewerMode: enabled };
  });
}
