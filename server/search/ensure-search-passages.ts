// Indexes, at start-up, the newest versions that have no search passages yet (e.g. stored before search existed).
import type { Block } from "@/core/text/types.ts";
import type { Db } from "../db.ts";
import { writePassages } from "./write-passages.ts";

/** Writes the passages of every document's newest version that has none and some text; returns how many versions it indexed. */
export async function ensureSearchPassages(db: Db): Promise<number> {
  const missing = await db.$queryRaw<{ id: string }[]>`
    SELECT v."id" FROM "DocumentVersion" v
    WHERE v."number" = (SELECT max(o."number") FROM "DocumentVersion" o WHERE o."documentId" = v."documentId")
      AND v."text" <> ''
      AND NOT EXISTS (SELECT 1 FROM "Passage" p WHERE p."versionId" = v."id")`;
  for (const { id } of missing) {
    await db.$transaction(async (tx) => {
      const version = await tx.documentVersion.findUniqueOrThrow({ where: { id }, select: { id: true, documentId: true, text: true, blocks: true } });
      await writePassages(tx, { ...version, blocks: version.blocks as unknown as Block[] });
    });
  }
  return missing.length;
}
