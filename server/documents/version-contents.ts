// The text and blocks of document versions, kept in memory between requests: a version never changes once stored.
import type { Block } from "@/core/text/types.ts";
import type { Db } from "../db.ts";

/** A version's text and the blocks its text is cut into. */
export interface VersionContent {
  text: string;
  blocks: Block[];
}

/** Characters of text kept at most (about twice as many bytes, plus the blocks); the least recently read go first. */
const MAX_CHARS = 16_000_000;

const kept = new Map<string, VersionContent>();
let keptChars = 0;

/**
 * The text and blocks of each version in `versionIds`, from memory or, for those not read lately,
 * from the database in one query. Versions are immutable (an edit stores a new one), so what is
 * kept never goes stale; it only costs memory, bounded by `MAX_CHARS`. Callers must not change
 * what they get: it is shared with the next request.
 */
export async function versionContents(db: Db, versionIds: string[]): Promise<Map<string, VersionContent>> {
  const found = new Map<string, VersionContent>();
  const missing: string[] = [];
  for (const id of versionIds) {
    const content = kept.get(id);
    if (!content) {
      missing.push(id);
      continue;
    }
    // Read again: to the back of the queue.
    kept.delete(id);
    kept.set(id, content);
    found.set(id, content);
  }
  if (missing.length > 0) {
    const rows = await db.documentVersion.findMany({ where: { id: { in: missing } }, select: { id: true, text: true, blocks: true } });
    for (const row of rows) {
      const content: VersionContent = { text: row.text, blocks: row.blocks as unknown as Block[] };
      found.set(row.id, content);
      keep(row.id, content);
    }
  }
  return found;
}

function keep(id: string, content: VersionContent): void {
  if (content.text.length > MAX_CHARS || kept.has(id)) return;
  kept.set(id, content);
  keptChars += content.text.length;
  for (const [oldest, old] of kept) {
    if (keptChars <= MAX_CHARS) break;
    kept.delete(oldest);
    keptChars -= old.text.length;
  }
}
