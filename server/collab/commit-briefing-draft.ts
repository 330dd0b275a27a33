// Saves a briefing's shared draft as its next version through the in-place edit path, then rebases the draft on it.
import type { Hocuspocus } from "@hocuspocus/server";
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { briefingToJson } from "@/core/briefing/briefing-to-json.ts";
import { jsonToBriefing } from "@/core/briefing/json-to-briefing.ts";
import type { Db } from "../db.ts";
import { saveBriefingEdit, type SavedBriefingEdit } from "../documents/save-briefing-edit.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeBriefingRoom } from "./authorize-briefing-room.ts";
import { briefingDraftSchema } from "./briefing-draft-schema.ts";
import { BRIEFING_FRAGMENT, BRIEFING_META, briefingRoom, type BriefingDraftMeta } from "@/core/briefing/briefing-room.ts";
import { readLatestBriefing } from "./seed-briefing-draft.ts";

/**
 * Saves the draft as it stands on the server (editors and owners) with `saveBriefingEdit`: claims
 * whose marks survived keep their ids, uncovered sentences become claims, the others retire; a
 * draft based on an older version than the latest is a `conflict`.
 *
 * Once stored, the draft is rebased on the new version: its text becomes the version's canonical
 * text and the new claims get their marks. That change is computed against the draft as it was
 * saved and merged into the live one, so what co-editors typed during the save is kept.
 */
export async function commitBriefingDraft(db: Db, collab: Hocuspocus, input: { documentId: string; actor: Actor }): Promise<SavedBriefingEdit> {
  const grant = await authorizeBriefingRoom(db, input.actor, input.documentId);
  if (grant.readOnly) throw new AppError("forbidden", "Your role does not allow editing the briefing.");
  const connection = await collab.openDirectConnection(briefingRoom(input.documentId), { system: true });
  try {
    const doc = connection.document;
    if (!doc) throw new AppError("not_found", "No such briefing.");
    const saved = Y.encodeStateAsUpdate(doc);
    const meta = doc.getMap(BRIEFING_META);
    const baseVersionId = meta.get("baseVersionId");
    if (typeof baseVersionId !== "string") throw new AppError("not_found", "No such briefing.");
    let edited;
    try {
      edited = jsonToBriefing(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BRIEFING_FRAGMENT)));
    } catch (problem) {
      throw new AppError("invalid_input", problem instanceof Error ? problem.message : String(problem));
    }
    if (edited.document.text === "") throw new AppError("invalid_input", "The briefing has no text left: write something first.");
    // Text pasted from another dossier may carry claim marks of its own: it is new text here.
    const live = new Set((await db.claim.findMany({ where: { documentId: input.documentId, retiredAt: null }, select: { id: true } })).map((c) => c.id));
    const edit = { baseVersionId, text: edited.document.text, blocks: edited.document.blocks, claims: edited.claims.filter((c) => live.has(c.id)) };
    const result = await saveBriefingEdit(db, { documentId: input.documentId, edit, actor: input.actor });
    if (!result.created) return result;

    const version = await readLatestBriefing(db, input.documentId);
    const rebased = new Y.Doc();
    Y.applyUpdate(rebased, saved);
    const before = Y.encodeStateVector(rebased);
    const node = briefingDraftSchema().nodeFromJSON(briefingToJson(version.text, version.blocks, version.claims));
    updateYFragment(rebased, rebased.getXmlFragment(BRIEFING_FRAGMENT), node, { mapping: new Map(), isOMark: new Map() });
    rebased.transact(() => {
      const next = rebased.getMap(BRIEFING_META);
      next.set("baseVersionId", result.versionId);
      next.set("saved", { versionId: result.versionId, number: result.number, by: grant.name } satisfies BriefingDraftMeta["saved"]);
    });
    const change = Y.encodeStateAsUpdate(rebased, before);
    await connection.transact((live) => Y.applyUpdate(live, change));
    return result;
  } finally {
    await connection.disconnect();
  }
}
