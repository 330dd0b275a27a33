// Makes a briefing's shared draft from its latest version: the text, its blocks, a claim mark per live claim.
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { briefingToJson } from "@/core/briefing/briefing-to-json.ts";
import type { Block } from "@/core/text/types.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { briefingDraftSchema } from "./briefing-draft-schema.ts";
import { BRIEFING_FRAGMENT, BRIEFING_META } from "@/core/briefing/briefing-room.ts";

/** The latest version of the briefing, and its live claims' spans. */
export async function readLatestBriefing(db: Db, documentId: string) {
  const version = await db.documentVersion.findFirst({
    where: { documentId, document: { kind: "briefing" } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, text: true, blocks: true },
  });
  if (!version) throw new AppError("not_found", "No such briefing.");
  const claims = await db.claim.findMany({ where: { documentId, versionId: version.id, retiredAt: null }, select: { id: true, start: true, end: true } });
  return { ...version, blocks: version.blocks as unknown as Block[], claims };
}

/** A new shared document holding the latest version of the briefing, based on it. */
export async function seedBriefingDraft(db: Db, documentId: string): Promise<{ doc: Y.Doc; baseVersionId: string }> {
  const latest = await readLatestBriefing(db, documentId);
  const doc = new Y.Doc();
  fillBriefingDraft(doc, latest);
  return { doc, baseVersionId: latest.id };
}

/** Writes a version into an empty shared document, and bases the draft on it. */
export function fillBriefingDraft(doc: Y.Doc, version: { id: string; text: string; blocks: Block[]; claims: { id: string; start: number; end: number }[] }): void {
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(briefingDraftSchema(), briefingToJson(version.text, version.blocks, version.claims), doc.getXmlFragment(BRIEFING_FRAGMENT));
    doc.getMap(BRIEFING_META).set("baseVersionId", version.id);
  });
}
