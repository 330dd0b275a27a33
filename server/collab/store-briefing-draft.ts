// Stores a briefing's shared draft (the whole Yjs document) so that a restart loses no edit.
import * as Y from "yjs";
import type { Db } from "../db.ts";
import { BRIEFING_META } from "@/core/briefing/briefing-room.ts";

/** Writes the draft as one update, with the version it is based on (read from the draft itself). */
export async function storeBriefingDraft(db: Db, documentId: string, doc: Y.Doc): Promise<void> {
  const baseVersionId = doc.getMap(BRIEFING_META).get("baseVersionId");
  if (typeof baseVersionId !== "string") return;
  const state = new Uint8Array(Y.encodeStateAsUpdate(doc));
  await db.briefingDraft.upsert({
    where: { documentId },
    create: { documentId, baseVersionId, state },
    update: { baseVersionId, state },
  });
}
