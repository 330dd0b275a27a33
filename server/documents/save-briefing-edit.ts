// Saves a briefing edited in place as its next version, carrying each claim by the marks that survived the edit.
import { z } from "zod";
import { reconcileClaims } from "@/core/briefing/reconcile-claims.ts";
import { buildTextDocument } from "@/core/import/build-text-document.ts";
import type { TextDocument } from "@/core/text/types.ts";
import { recordActivity } from "../activity/record-activity.ts";
import { fieldsOf } from "../claims/carry-claims-to-version.ts";
import type { Db, Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { writePassages } from "../search/write-passages.ts";
import { scheduleSuggestions } from "../suggestions/schedule-suggestions.ts";
import { briefingEditSchema, type BriefingEdit } from "./briefing-edit-schema.ts";

/** What saving an edit did. */
export interface SavedBriefingEdit {
  versionId: string;
  number: number;
  /** False when the text is unchanged: no version is made then. */
  created: boolean;
  /** How the claims fared: kept by their marks, added for uncovered sentences, retired. */
  claims?: { kept: number; added: number; retired: number };
}

/**
 * Stores the edited briefing as the next version of the document (editors and owners).
 *
 * The edit names the version it started from; when another version was saved since, nothing is
 * stored and the answer is `conflict` with the latest version in `details`. Claims follow their
 * marks (see `reconcileClaims`): a claim whose mark survived keeps its id, links, reviews and
 * notes, with its new text and place; sentences no claim covers become new claims; claims whose
 * marks are gone are retired. Suggestions are recomputed. One transaction, with the activity: on
 * any error nothing is stored.
 */
export async function saveBriefingEdit(db: Db, input: { documentId: string; edit: unknown; actor: Actor }): Promise<SavedBriefingEdit> {
  if (!z.uuid().safeParse(input.documentId).success) throw new AppError("not_found", "No such document.");
  const document = await db.document.findUnique({
    where: { id: input.documentId },
    select: {
      id: true,
      kind: true,
      dossierId: true,
      dossier: { select: { workspaceId: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, contentHash: true } },
    },
  });
  const latest = document?.versions[0];
  if (!document || !latest) throw new AppError("not_found", "No such document.");
  const grant = await authorizeDossier(db, input.actor, document.dossierId, "document.write").catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "No such document.") : error;
  });
  if (document.kind !== "briefing") throw new AppError("invalid_input", "Only a briefing is edited in place; post a new version of a source instead.");
  const edit = parseInput(briefingEditSchema, input.edit);
  const text = canonicalDocument(edit);

  if (edit.baseVersionId !== latest.id) {
    const base = await db.documentVersion.findFirst({ where: { id: edit.baseVersionId, documentId: document.id }, select: { number: true } });
    if (!base) throw new AppError("invalid_input", "baseVersionId: not a version of this briefing.");
    throw staleBase(latest);
  }
  if (text.hash === latest.contentHash) return { versionId: latest.id, number: latest.number, created: false };

  const live = await db.claim.findMany({ where: { documentId: document.id, retiredAt: null }, select: { id: true } });
  const liveIds = live.map((c) => c.id);
  const liveSet = new Set(liveIds);
  const stranger = edit.claims.find((c) => !liveSet.has(c.id));
  if (stranger) throw new AppError("invalid_input", `claims: ${stranger.id} is not a live claim of this briefing.`);

  try {
    return await db.$transaction((tx) => storeEdit(tx, { document, latest, text, edit, liveIds, actorId: grant.userId }), { timeout: 120_000 });
  } catch (error) {
    // Another version of the same document was stored between the check and this transaction.
    if ((error as { code?: string }).code === "P2002") {
      const newest = await db.documentVersion.findFirstOrThrow({ where: { documentId: document.id }, orderBy: { number: "desc" }, select: { id: true, number: true } });
      throw staleBase(newest);
    }
    throw error;
  }
}

/** The edit's text and blocks as a document, after checking they are canonical (as an import makes them). */
function canonicalDocument(edit: BriefingEdit): TextDocument {
  const doc = buildTextDocument(
    edit.blocks.map((b) => ({ kind: b.kind, level: b.level, depth: b.depth, text: edit.text.slice(b.start, b.end) })),
    "html",
  );
  const shape = (blocks: readonly { kind: string; start: number; end: number; level?: number; depth?: number }[]) =>
    JSON.stringify(blocks.map((b) => [b.kind, b.start, b.end, b.level ?? null, b.depth ?? null]));
  if (doc.text !== edit.text || shape(doc.blocks) !== shape(edit.blocks)) {
    throw new AppError(
      "invalid_input",
      "text: not canonical — blocks must be in order, hold no blank line, be trimmed, be separated by one blank line, and the text be in NFC with spaces folded.",
    );
  }
  return doc;
}

function staleBase(latest: { id: string; number: number }): AppError {
  return new AppError(
    "conflict",
    `Someone saved a newer version of this briefing (version ${latest.number}) while you were editing. Your changes are not saved: copy what you need, reload, and edit again.`,
    { versionId: latest.id, number: latest.number },
  );
}

async function storeEdit(
  tx: Tx,
  input: {
    document: { id: string; dossierId: string; dossier: { workspaceId: string } };
    latest: { id: string; number: number; contentHash: string };
    text: TextDocument;
    edit: BriefingEdit;
    liveIds: string[];
    actorId: string;
  },
): Promise<SavedBriefingEdit> {
  const { document, latest, text, actorId } = input;
  const version = await tx.documentVersion.create({
    data: {
      documentId: document.id,
      number: latest.number + 1,
      text: text.text,
      blocks: text.blocks as object[],
      contentHash: text.hash,
      createdById: actorId,
    },
  });
  await writePassages(tx, { id: version.id, documentId: document.id, text: text.text, blocks: text.blocks });
  const { kept, added, retired } = reconcileClaims(text, input.edit.claims, input.liveIds);
  const log = (action: string, entityId: string, before: unknown, after: unknown) =>
    recordActivity(tx, { workspaceId: document.dossier.workspaceId, dossierId: document.dossierId, actorId, action, entityType: "claim", entityId, before, after });

  const previous = new Map(
    (await tx.claim.findMany({ where: { id: { in: kept.map((k) => k.id) } }, select: { id: true, text: true } })).map((c) => [c.id, c.text]),
  );
  for (const { id, claim } of kept) {
    await tx.claim.update({ where: { id }, data: { ...fieldsOf(claim), versionId: version.id, revision: { increment: 1 } } });
    const before = previous.get(id);
    if (before !== claim.text) await log("claim.edited", id, { text: before }, { text: claim.text, versionId: version.id });
  }
  if (retired.length > 0) {
    await tx.claim.updateMany({ where: { id: { in: retired } }, data: { retiredAt: new Date(), revision: { increment: 1 } } });
    for (const id of retired) await log("claim.retired", id, { versionId: latest.id }, { versionId: version.id });
  }
  const created = await tx.claim.createManyAndReturn({
    data: added.map((claim) => ({ ...fieldsOf(claim), dossierId: document.dossierId, documentId: document.id, versionId: version.id })),
    select: { id: true, text: true },
  });
  for (const claim of created) await log("claim.added", claim.id, null, { text: claim.text, versionId: version.id });

  await scheduleSuggestions(tx, document.dossierId);
  await tx.dossier.update({ where: { id: document.dossierId }, data: { updatedAt: new Date() } });
  const claims = { kept: kept.length, added: added.length, retired: retired.length };
  await recordActivity(tx, {
    workspaceId: document.dossier.workspaceId,
    dossierId: document.dossierId,
    actorId,
    action: "document.edited",
    entityType: "document",
    entityId: document.id,
    before: { versionId: latest.id, number: latest.number, contentHash: latest.contentHash },
    after: { versionId: version.id, number: version.number, contentHash: version.contentHash, ...claims },
  });
  return { versionId: version.id, number: version.number, created: true, claims };
}
