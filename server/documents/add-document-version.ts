// Stores a new version of a source or a briefing and carries everything attached to it across.
import { z } from "zod";
import { writePassages } from "../search/write-passages.ts";
import { recordActivity } from "../activity/record-activity.ts";
import { reanchorToVersion, type ReanchorCounts } from "../anchors/reanchor-to-version.ts";
import { carryClaimsToVersion, type CarriedClaims } from "../claims/carry-claims-to-version.ts";
import type { Db, Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { scheduleSuggestions } from "../suggestions/schedule-suggestions.ts";
import type { DocumentInput } from "./document-input-schema.ts";
import { queueImportIfLarge, type QueuedImport } from "./queue-import.ts";
import { readDocumentInput, type ReadInput } from "./read-document-input.ts";

/** What a new version changed. */
export interface AddedVersion {
  versionId: string;
  number: number;
  /** False when the input's text equals the latest version's: no version is made then. */
  created: boolean;
  /** For a source: how its decided links and span annotations re-anchored. */
  anchors?: ReanchorCounts;
  /** For a briefing: how its claims carried over. */
  claims?: CarriedClaims;
}

interface AddVersionInput {
  documentId: string;
  document: DocumentInput;
  actor: Actor;
}

/**
 * Imports the input as the next version of the document. A source's decided links and span
 * annotations are re-anchored into it (changed and orphaned ones are marked for re-check); a
 * briefing's claims keep their identity where their text survives. Suggestions are recomputed.
 * One transaction: on any error nothing is stored. With `background` (requests set it), a page to
 * fetch, or a text or file over the queue's import budget, is imported by a background job
 * instead (see `queueImportIfLarge`).
 */
export async function addDocumentVersion(db: Db, input: AddVersionInput & { background?: false }): Promise<AddedVersion>;
export async function addDocumentVersion(db: Db, input: AddVersionInput & { background: true }): Promise<AddedVersion | QueuedImport>;
export async function addDocumentVersion(db: Db, input: AddVersionInput & { background?: boolean }): Promise<AddedVersion | QueuedImport> {
  if (!z.uuid().safeParse(input.documentId).success) throw new AppError("not_found", "No such document.");
  const document = await db.document.findUnique({
    where: { id: input.documentId },
    select: {
      id: true,
      kind: true,
      title: true,
      dossierId: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, contentHash: true } },
    },
  });
  const latest = document?.versions[0];
  if (!document || !latest) throw new AppError("not_found", "No such document.");
  const grant = await authorizeDossier(db, input.actor, document.dossierId, "document.write").catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "No such document.") : error;
  });
  const queued = input.background && await queueImportIfLarge(db, {
    dossierId: document.dossierId,
    document: input.document,
    target: { target: "version", documentId: document.id },
    label: `Importing a new version of ${document.title}`,
    createdById: grant.userId,
  });
  if (queued) return queued;
  const read = await readDocumentInput(input.document);
  if (read.text.hash === latest.contentHash) return { versionId: latest.id, number: latest.number, created: false };

  try {
    // The latest version's text is read in the transaction, where the new version is built on it.
    const added = await db.$transaction((tx) => storeNewVersion(tx, document.id, read, grant.userId), { timeout: 120_000 });
    if (!added) throw new AppError("not_found", "No such document.");
    return added;
  } catch (error) {
    // Another version of the same document was stored first.
    if ((error as { code?: string }).code === "P2002") {
      throw new AppError("conflict", "Another version of this document was just added. Reload and try again.");
    }
    throw error;
  }
}

/**
 * Stores the imported input as the next version of the document, inside the caller's transaction
 * (the import job's last one): the latest version is read there, so a version added meanwhile is
 * built upon. The same text as the latest version makes no version. Null when the document is gone.
 */
export async function storeNewVersion(tx: Tx, documentId: string, read: ReadInput, actorId: string | null): Promise<AddedVersion | null> {
  const document = await tx.document.findUnique({
    where: { id: documentId },
    select: {
      id: true,
      kind: true,
      dossierId: true,
      dossier: { select: { workspaceId: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true, contentHash: true } },
    },
  });
  const latest = document?.versions[0];
  if (!document || !latest) return null;
  if (read.text.hash === latest.contentHash) return { versionId: latest.id, number: latest.number, created: false };
  return storeVersion(tx, document, latest, read, actorId);
}

async function storeVersion(
  tx: Tx,
  document: { id: string; kind: "source" | "briefing"; dossierId: string; dossier: { workspaceId: string } },
  latest: { id: string; number: number; text: string; contentHash: string },
  read: ReadInput,
  actorId: string | null,
): Promise<AddedVersion> {
  const version = await tx.documentVersion.create({
    data: {
      documentId: document.id,
      number: latest.number + 1,
      text: read.text.text,
      blocks: read.text.blocks as object[],
      contentHash: read.text.hash,
      createdById: actorId,
    },
  });
  await writePassages(tx, { id: version.id, documentId: document.id, text: read.text.text, blocks: read.text.blocks });
  const result: AddedVersion = { versionId: version.id, number: version.number, created: true };
  if (document.kind === "source") {
    result.anchors = await reanchorToVersion(tx, latest, version);
  } else {
    result.claims = await carryClaimsToVersion(tx, {
      dossierId: document.dossierId,
      documentId: document.id,
      versionId: version.id,
      text: read.text,
    });
  }
  await scheduleSuggestions(tx, document.dossierId);
  await tx.dossier.update({ where: { id: document.dossierId }, data: { updatedAt: new Date() } });
  await recordActivity(tx, {
    workspaceId: document.dossier.workspaceId,
    dossierId: document.dossierId,
    actorId,
    action: "document.versioned",
    entityType: "document",
    entityId: document.id,
    before: { versionId: latest.id, number: latest.number, contentHash: latest.contentHash },
    after: { versionId: version.id, number: version.number, contentHash: version.contentHash, ...result.anchors, ...result.claims },
  });
  return result;
}
