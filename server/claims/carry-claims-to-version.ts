// Moves a briefing's claims to its new version, keeping each claim's identity (and its links) when
// its text is unchanged or nearly so.
import { extractClaims } from "@/core/claims/extract-claims.ts";
import { matchClaims } from "@/core/claims/match-claims.ts";
import type { ExtractedClaim } from "@/core/claims/extracted-claim.ts";
import type { TextDocument } from "@/core/text/types.ts";
import type { Tx } from "../db.ts";

/** How the claims of the old version fared. */
export interface CarriedClaims {
  kept: number;
  added: number;
  retired: number;
}

/**
 * Extracts the claims of the new version and matches them with the live claims of the briefing:
 * a matched claim moves to the new version (same id, same links, its text and place updated); an
 * old claim with no match is retired (kept, with its history, but no longer shown); a new one is
 * created. Runs inside the caller's transaction.
 */
export async function carryClaimsToVersion(
  tx: Tx,
  input: { dossierId: string; documentId: string; versionId: string; text: TextDocument },
): Promise<CarriedClaims> {
  const live = await tx.claim.findMany({
    where: { documentId: input.documentId, retiredAt: null },
    orderBy: { order: "asc" },
    select: { id: true, text: true },
  });
  const extracted = extractClaims(input.text);
  const { pairs, unmatchedOld, unmatchedNew } = matchClaims(live, extracted);
  for (const pair of pairs) {
    await tx.claim.update({
      where: { id: pair.old.id },
      data: { ...fieldsOf(pair.new), versionId: input.versionId, revision: { increment: 1 } },
    });
  }
  if (unmatchedOld.length > 0) {
    await tx.claim.updateMany({
      where: { id: { in: unmatchedOld.map((c) => c.id) } },
      data: { retiredAt: new Date(), revision: { increment: 1 } },
    });
  }
  await tx.claim.createMany({
    data: unmatchedNew.map((claim) => ({
      ...fieldsOf(claim),
      dossierId: input.dossierId,
      documentId: input.documentId,
      versionId: input.versionId,
    })),
  });
  return { kept: pairs.length, added: unmatchedNew.length, retired: unmatchedOld.length };
}

/** The stored fields of an extracted claim. */
export function fieldsOf(claim: ExtractedClaim) {
  return {
    start: claim.start,
    end: claim.end,
    text: claim.text,
    section: claim.section,
    topic: claim.topic,
    kind: claim.kind,
    order: claim.order,
    quote: claim.quote?.text ?? null,
    speaker: claim.speaker ?? null,
  };
}
