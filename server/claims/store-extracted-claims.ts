// Extracts the claims of a briefing's first version and stores them, in order, inside the caller's transaction.
import { extractClaims } from "@/core/claims/extract-claims.ts";
import type { TextDocument } from "@/core/text/types.ts";
import type { Tx } from "../db.ts";
import { fieldsOf } from "./carry-claims-to-version.ts";

/** Stores one claim row per claim the text core finds in the briefing version; returns how many. */
export async function storeExtractedClaims(
  tx: Tx,
  input: { dossierId: string; documentId: string; version: { id: string }; text: TextDocument },
): Promise<number> {
  const claims = extractClaims(input.text);
  await tx.claim.createMany({
    data: claims.map((claim) => ({
      ...fieldsOf(claim),
      dossierId: input.dossierId,
      documentId: input.documentId,
      versionId: input.version.id,
    })),
  });
  return claims.length;
}
