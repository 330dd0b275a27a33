// Measures how well each pair of a dossier's reviewers agree: observed agreement and Cohen's kappa.
import { cohenKappa } from "@/core/review/cohen-kappa.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema } from "./review-schemas.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";

/** How two reviewers agree over the claims both reviewed. */
export interface PairAgreement {
  reviewers: [{ id: string; name: string }, { id: string; name: string }];
  /** Claims both reviewed. */
  claims: number;
  /** Share of those with the same verdict; null when there are none. */
  observedAgreement: number | null;
  /** Cohen's kappa over the verdicts; null when undefined (see `cohenKappa`). */
  kappa: number | null;
}

/**
 * One entry per pair of reviewers who reviewed at least one claim of the dossier each, ordered by
 * their names; the categories are the verdicts, over the claims still in the briefing that both
 * reviewed.
 */
export async function getAgreement(db: Db, input: { dossierId: string; actorId: string }): Promise<PairAgreement[]> {
  await authorizeDossier(db, userActor(input.actorId), input.dossierId, "dossier.read");
  const dossierId = parseInput(idSchema, input.dossierId);
  const dossier = await db.dossier.findUnique({ where: { id: dossierId }, select: { id: true } });
  if (!dossier) throw new AppError("not_found", "No such dossier.");
  const reviews = await db.review.findMany({
    where: { claim: { dossierId, retiredAt: null } },
    select: { claimId: true, verdict: true, reviewer: { select: { id: true, name: true } } },
  });
  const byReviewer = new Map<string, { reviewer: { id: string; name: string }; verdicts: Map<string, string> }>();
  for (const r of reviews) {
    const entry = byReviewer.get(r.reviewer.id) ?? { reviewer: r.reviewer, verdicts: new Map<string, string>() };
    entry.verdicts.set(r.claimId, r.verdict);
    byReviewer.set(r.reviewer.id, entry);
  }
  const reviewers = [...byReviewer.values()].sort((a, b) => a.reviewer.name.localeCompare(b.reviewer.name) || a.reviewer.id.localeCompare(b.reviewer.id));
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < reviewers.length; i++) {
    for (let j = i + 1; j < reviewers.length; j++) {
      const a = reviewers[i];
      const b = reviewers[j];
      const both: [string, string][] = [];
      for (const [claimId, verdict] of a.verdicts) {
        const other = b.verdicts.get(claimId);
        if (other !== undefined) both.push([verdict, other]);
      }
      const agreement = cohenKappa(both);
      pairs.push({ reviewers: [a.reviewer, b.reviewer], claims: agreement.n, observedAgreement: agreement.observed, kappa: agreement.kappa });
    }
  }
  return pairs;
}
