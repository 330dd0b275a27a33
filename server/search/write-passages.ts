// Indexes a document's newest version for search, replacing the passages of its older versions.
import { cutPassages } from "@/core/search/cut-passages.ts";
import type { Block } from "@/core/text/types.ts";
import type { Tx } from "../db.ts";

/**
 * Writes the search passages of `version` (the document's newest) inside the caller's
 * transaction, and removes those of the document's other versions, so search only finds text the
 * reader shows. The trigger of the `Passage` table computes each passage's search vector.
 */
export async function writePassages(tx: Tx, version: { id: string; documentId: string; text: string; blocks: readonly Block[] }): Promise<number> {
  await tx.passage.deleteMany({ where: { version: { documentId: version.documentId }, versionId: { not: version.id } } });
  const spans = cutPassages(version.text, version.blocks);
  if (spans.length === 0) return 0;
  const { count } = await tx.passage.createMany({
    data: spans.map((span) => ({ versionId: version.id, start: span.start, end: span.end, text: version.text.slice(span.start, span.end) })),
  });
  return count;
}
