// Attaches a new source to a dossier and recomputes the briefing's suggested links.
import { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { scheduleSuggestions } from "../suggestions/schedule-suggestions.ts";
import { createDocument } from "./create-document.ts";
import type { DocumentInput } from "./document-input-schema.ts";
import { readDocumentInput } from "./read-document-input.ts";

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

/**
 * Imports the input, stores it as a new source of the dossier with its version 1, and refreshes
 * the suggestions, all in one transaction: on any error nothing is stored.
 */
export async function addSource(
  db: Db,
  input: { dossierId: string; document: DocumentInput; metadata?: z.input<typeof sourceMetadataSchema>; actor: Actor },
): Promise<AddedSource> {
  const metadata = sourceMetadataSchema.parse(input.metadata ?? {});
  if (!z.uuid().safeParse(input.dossierId).success) throw new AppError("not_found", "No such dossier.");
  const grant = await authorizeDossier(db, input.actor, input.dossierId, "document.write");
  const dossier = { id: input.dossierId, workspaceId: grant.workspaceId };
  const read = await readDocumentInput(input.document);
  const title = metadata.title || read.suggestedTitle || "Untitled source";
  return db.$transaction(
    async (tx) => {
      const { document, version } = await createDocument(tx, {
        dossierId: dossier.id,
        kind: "source",
        title: title.slice(0, 300),
        author: metadata.author || null,
        originUrl: read.originUrl,
        text: read.text,
        createdById: grant.userId,
      });
      const refreshed = await scheduleSuggestions(tx, dossier.id);
      await tx.dossier.update({ where: { id: dossier.id }, data: { updatedAt: new Date() } });
      await recordActivity(tx, {
        workspaceId: dossier.workspaceId,
        dossierId: dossier.id,
        actorId: grant.userId,
        action: "document.added",
        entityType: "document",
        entityId: document.id,
        after: { kind: "source", title: document.title, versionId: version.id, contentHash: version.contentHash },
      });
      return { documentId: document.id, versionId: version.id, suggested: refreshed.suggested, jobId: refreshed.jobId };
    },
    { timeout: 120_000 },
  );
}
