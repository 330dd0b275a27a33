// Creates a dossier from a briefing (pasted, a file or a URL), with its claims extracted.
import { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import { storeExtractedClaims } from "../claims/store-extracted-claims.ts";
import type { Db, Tx } from "../db.ts";
import { createDocument } from "../documents/create-document.ts";
import type { DocumentInput } from "../documents/document-input-schema.ts";
import { readDocumentInput } from "../documents/read-document-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { parseInput } from "../http/parse-input.ts";
import { scheduleSuggestions } from "../suggestions/schedule-suggestions.ts";

/** The dossier's own fields. */
export const newDossierSchema = z.object({
  /** The workspace the dossier belongs to. */
  workspaceId: z.uuid(),
  /** Shown in lists and the top bar; the briefing's own title when absent. */
  title: z.string().trim().max(300).optional(),
  /** Where the briefing came from, in a sentence ("Sent by the news desk on 3 May"). */
  provenance: z.string().trim().max(1000).optional(),
});

/** What creating a dossier produced. */
export interface CreatedDossier {
  dossierId: string;
  briefingId: string;
  claims: number;
}

/**
 * Imports the briefing, creates the dossier with the briefing as its first document, and stores
 * its claims — one transaction, so a failure leaves nothing behind.
 */
export async function createDossier(
  db: Db,
  input: { dossier: z.input<typeof newDossierSchema>; briefing: DocumentInput; actor: Actor },
): Promise<CreatedDossier> {
  const fields = parseInput(newDossierSchema, input.dossier);
  const grant = await authorizeWorkspace(db, input.actor, fields.workspaceId, "dossier.create");
  const workspace = { id: grant.workspaceId };
  const read = await readDocumentInput(input.briefing);
  const title = (fields.title || read.suggestedTitle || "Untitled dossier").slice(0, 300);
  return db.$transaction(
    async (tx) => {
      const dossier = await tx.dossier.create({
        data: { workspaceId: workspace.id, title, slug: await freeSlug(tx, workspace.id, title) },
      });
      const { document, version } = await createDocument(tx, {
        dossierId: dossier.id,
        kind: "briefing",
        title: read.text.title ?? title,
        originUrl: read.originUrl,
        provenance: fields.provenance || null,
        text: read.text,
        createdById: grant.userId,
      });
      const claims = await storeExtractedClaims(tx, { dossierId: dossier.id, documentId: document.id, version, text: read.text });
      await scheduleSuggestions(tx, dossier.id);
      await recordActivity(tx, {
        workspaceId: workspace.id,
        dossierId: dossier.id,
        actorId: grant.userId,
        action: "dossier.created",
        entityType: "dossier",
        entityId: dossier.id,
        after: { title, briefingId: document.id, claims },
      });
      return { dossierId: dossier.id, briefingId: document.id, claims };
    },
    { timeout: 120_000 },
  );
}

/** A slug for the title, unique in the workspace. */
async function freeSlug(tx: Tx, workspaceId: string, title: string): Promise<string> {
  const base =
    title
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "dossier";
  const taken = new Set(
    (await tx.dossier.findMany({ where: { workspaceId, slug: { startsWith: base } }, select: { slug: true } })).map((d) => d.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
