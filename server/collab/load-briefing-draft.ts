// Loads a briefing's shared draft from the database, or seeds it from the latest version.
import * as Y from "yjs";
import type { Db } from "../db.ts";
import { BRIEFING_META } from "@/core/briefing/briefing-room.ts";
import { readLatestBriefing, fillBriefingDraft } from "./seed-briefing-draft.ts";

/**
 * Fills `doc` (empty, as the collaboration server hands it over) with the stored draft when it is
 * based on the latest version; otherwise with the latest version itself. A draft whose base is no
 * longer the latest (a version was posted through the API or a file meanwhile) is dropped: its
 * changes were made to a text that no longer stands.
 */
export async function loadBriefingDraft(db: Db, documentId: string, doc: Y.Doc): Promise<void> {
  const latest = await readLatestBriefing(db, documentId);
  const stored = await db.briefingDraft.findUnique({ where: { documentId }, select: { baseVersionId: true, state: true } });
  if (stored && stored.baseVersionId === latest.id) {
    Y.applyUpdate(doc, stored.state);
    if (doc.getMap(BRIEFING_META).get("baseVersionId") === latest.id) return;
  }
  fillBriefingDraft(doc, latest);
}
