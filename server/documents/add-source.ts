// Attaches a new source to a dossier and recomputes the briefing's suggested links.
import { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db, Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { scheduleSuggestions } from "../suggestions/schedule-suggestions.ts";
import { createDocument } from "./create-document.ts";
import type { DocumentInput } from "./document-input-schema.ts";
import { describeInput, queueImportIfLarge, type QueuedImport } from "./queue-import.ts";
import { readDocumentInput, type ReadInput } from "./read-document-input.ts";

/** Optional metadata of a new source. */
export const sourceMetadataSchema = z.object({
  /** Shown on the source's tab; the input's own title when absent. */
  title: z.string().trim().max(300).optional(),
  author: z.string().trim().max(200).optional(),
});

/** What adding a source produced. */
export interface AddedSource {
  documentId: string;
  versionId: string;
  /** Suggested links made in the request (0 when a background job computes them). */
  suggested: number;
  /** The background job computing the suggestions, when the dossier was over the budget. */
  jobId: string | null;
}

/** What adding a source takes; `background` lets a large import go to a job (requests set it). */
interface AddSourceInput {
  dossierId: string;
  document: DocumentInput;
  metadata?: z.input<typeof sourceMetadataSchema>;
  actor: Actor;
}

/**
 * Imports the input, stores it as a new source of the dossier with its version 1, and refreshes
 * the suggestions, all in one transaction: on any error nothing is stored. With `background`, a
 * page to fetch, or a text or file over the queue's import budget, is imported by a background
 * job instead: the answer is then that job, and the source appears when it ends.
 */
export async function addSource(db: Db, input: AddSourceInput & { background?: false }): Promise<AddedSource>;
export async function addSource(db: Db, input: AddSourceInput & { background: true }): Promise<AddedSource | QueuedImport>;
export async function addSource(db: Db, input: AddSourceInput & { background?: boolean }): Promise<AddedSource | QueuedImport> {
  const metadata = sourceMetadataSchema.parse(input.metadata ?? {});
  if (!z.uuid().safeParse(input.dossierId).success) throw new AppError("not_found", "No such dossier.");
  const grant = await authorizeDossier(db, input.actor, input.dossierId, "document.write");
  const queued = input.background && await queueImportIfLarge(db, {
    dossierId: input.dossierId,
    document: input.document,
    target: { target: "source", ...metadata },
    label: `Importing ${metadata.title || describeInput(input.document)}`,
    createdById: grant.userId,
  });
  if (queued) return queued;
  const read = await readDocumentInput(input.document);
  return db.$transaction(
    (tx) => storeSource(tx, { dossierId: input.dossierId, workspaceId: grant.workspaceId, userId: grant.userId, read, metadata }),
    { timeout: 120_000 },
  );
}

/**
 * Stores the imported input as a new source of the dossier, refreshes the suggestions and records
 * the activity, inside the caller's transaction (a request's, or the import job's last one).
 */
export async function storeSource(
  tx: Tx,
  input: { dossierId: string; workspaceId: string; userId: string | null; read: ReadInput; metadata: z.infer<typeof sourceMetadataSchema> },
): Promise<AddedSource> {
  const { read, metadata } = input;
  const title = metadata.title || read.suggestedTitle || "Untitled source";
  const { document, version } = await createDocument(tx, {
    dossierId: input.dossierId,
    kind: "source",
    title: title.slice(0, 300),
    author: metadata.author || null,
    originUrl: read.originUrl,
    text: read.text,
    createdById: input.userId,
  });
  const refreshed = await scheduleSuggestions(tx, input.dossierId);
  await tx.dossier.update({ where: { id: input.dossierId }, data: { updatedAt: new Date() } });
  await recordActivity(tx, {
    workspaceId: input.workspaceId,
    dossierId: input.dossierId,
    actorId: input.userId,
    action: "document.added",
    entityType: "document",
    entityId: document.id,
    after: { kind: "source", title: document.title, versionId: version.id, contentHash: version.contentHash },
  });
  return { documentId: document.id, versionId: version.id, suggested: refreshed.suggested, jobId: refreshed.jobId };
}
