// Extracts the claims of a briefing version and stores them, in order, inside the caller's transaction.
import { extractClaims } from "@/core/claims/extract-claims.ts";
import type { TextDocument } from "@/core/text/types.ts";
import type { Tx } from "../db.ts";

/** Stores one claim row per claim the text core finds in the briefing version; returns how many. */
export async function storeExtractedClaims(
  tx: Tx,
  input: { dossierId: string; documentId: string; version: { id: string }; text: TextDocument },
): Promise<number> {
  const claims = extractClaims(input.text);
  await tx.claim.createMany({
    data: claims.map((claim) => ({
      dossierId: input.dossierId,
      documentId: input.documentId,
      versionId: input.version.id,
      start: claim.start,
      end: claim.end,
      text: claim.text,
      section: claim.section,
      topic: claim.topic,
      kind: claim.kind,
      order: claim.order,
      quote: claim.quote?.text ?? null,
      speaker: claim.speaker ?? null,
    })),
  });
  return claims.length;
}
