// Imports a W3C Web Annotation export into a dossier: links and notes placed by quote and position.
import { z } from "zod";
import { describe } from "@/core/anchoring/describe.ts";
import { placeWebAnnotations, type PlacedLink, type PlacedNote, type Unplaced } from "@/core/export/place-web-annotations.ts";
import { readWebAnnotations } from "@/core/export/read-web-annotations.ts";
import type { RichTextNode } from "@/core/rich-text/rich-text-node.ts";
import { richTextToPlainText } from "@/core/rich-text/rich-text-to-plain-text.ts";
import { recordActivity } from "../activity/record-activity.ts";
import { annotationBodySchema } from "../annotations/annotation-body-schema.ts";
import type { Db, Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { parseInput } from "../http/parse-input.ts";
import { importBodySchema } from "./export-schemas.ts";
import type { AnnotationPlace } from "../annotations/annotation-place.ts";

/** What an import did. */
export interface ImportResult {
  /** Links made, and links already there (same claim and span) brought to the imported state. */
  linksCreated: number;
  linksUpdated: number;
  notesCreated: number;
  /** Notes already in the dossier (same place, text and time), not made twice. */
  notesSkipped: number;
  /** What has no place in this dossier, and why. */
  unplaced: Unplaced[];
}

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u;

/**
 * Reads the export (see `readWebAnnotations`), places its links and notes in the dossier's
 * documents and claims (see `placeWebAnnotations`), and stores them in one transaction with one
 * `dossier.imported` entry in the activity log. A link whose claim already has one on the same
 * span takes the imported state, verdict and score instead of being made twice, so importing a
 * file again changes nothing. Authors are matched to workspace members by name; otherwise the
 * importing user is the author. Editors and owners may import.
 */
export async function importWebAnnotations(db: Db, input: { dossierId: string; json: unknown; actor: Actor }): Promise<ImportResult> {
  if (!z.uuid().safeParse(input.dossierId).success) throw new AppError("not_found", "No such dossier.");
  const grant = await authorizeDossier(db, input.actor, input.dossierId, "document.write");
  const json = parseInput(importBodySchema, input.json);
  let imported;
  try {
    imported = readWebAnnotations(json);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError("invalid_input", error.message);
    throw error;
  }
  return db.$transaction(
    async (tx) => {
      const [documents, claims, members] = await Promise.all([
        tx.document.findMany({
          where: { dossierId: input.dossierId },
          select: { id: true, kind: true, title: true, originUrl: true, versions: { orderBy: { number: "desc" }, select: { id: true, contentHash: true } } },
        }),
        tx.claim.findMany({ where: { dossierId: input.dossierId, retiredAt: null }, select: { id: true, documentId: true, start: true, end: true, text: true } }),
        tx.membership.findMany({ where: { workspaceId: grant.workspaceId }, select: { user: { select: { id: true, name: true } } } }),
      ]);
      const latestIds = documents.flatMap((d) => (d.versions[0] ? [d.versions[0].id] : []));
      const latestText = new Map((await tx.documentVersion.findMany({ where: { id: { in: latestIds } }, select: { id: true, text: true } })).map((v) => [v.id, v.text]));
      // Earlier versions the file points into, with their texts, so their spans go through a diff.
      const referenced = [...imported.links.flatMap((l) => [l.claim.contentHash, l.target.contentHash]), ...imported.notes.map((n) => n.span?.contentHash ?? null)];
      const earlier = await tx.documentVersion.findMany({
        where: {
          document: { dossierId: input.dossierId },
          contentHash: { in: [...new Set(referenced.filter((h): h is string => h !== null))] },
          id: { notIn: latestIds },
        },
        select: { documentId: true, contentHash: true, text: true },
      });
      const placement = placeWebAnnotations(imported, {
        documents: documents.flatMap((d) =>
          d.versions[0]
            ? [
                {
                  id: d.id,
                  kind: d.kind,
                  title: d.title,
                  originUrl: d.originUrl,
                  versionId: d.versions[0].id,
                  text: latestText.get(d.versions[0].id)!,
                  hashes: d.versions.map((v) => v.contentHash),
                  earlier: earlier.filter((v) => v.documentId === d.id),
                },
              ]
            : [],
        ),
        claims,
      });
      const textOf = latestText;
      const memberNamed = new Map(members.map((m) => [m.user.name, m.user.id]));
      const authorOf = (name: string | null) => (name !== null ? memberNamed.get(name) : undefined) ?? grant.userId;

      const result: ImportResult = { linksCreated: 0, linksUpdated: 0, notesCreated: 0, notesSkipped: 0, unplaced: [...placement.unplaced] };
      const linkIds = new Map<string, { id: string; claimId: string }>();
      for (const link of placement.links) {
        const stored = await storeLink(tx, link, textOf.get(link.span.versionId)!, link.origin === "manual" || link.state === "accepted" ? authorOf(link.creator) : null);
        linkIds.set(link.importId, { id: stored.id, claimId: link.claimId });
        if (stored.created) result.linksCreated++;
        else result.linksUpdated++;
      }
      const threadIds = new Map<string, { id: string; target: "span" | "claim" | "link"; claimId: string | null; linkId: string | null; versionId: string | null }>();
      for (const note of placement.notes) {
        const body = noteBody(note);
        const bodyText = body ? richTextToPlainText(body) : "";
        if (!note.deleted && (!body || !bodyText.trim())) {
          result.unplaced.push({ id: note.importId, what: "note", reason: body === undefined ? "the note is too long" : "the note has no text" });
          continue;
        }
        const place = notePlace(note, linkIds, threadIds, textOf);
        const createdAt = note.created && !Number.isNaN(Date.parse(note.created)) ? new Date(note.created) : new Date();
        const existing = await tx.annotation.findFirst({
          where: { dossierId: input.dossierId, ...place, bodyText: note.deleted ? "" : bodyText, createdAt },
          select: { id: true },
        });
        const id =
          existing?.id ??
          (
            await tx.annotation.create({
              data: {
                dossierId: input.dossierId,
                ...place,
                body: (note.deleted ? { type: "doc", content: [] } : body) as object,
                bodyText: note.deleted ? "" : bodyText,
                tags: note.on === "reply" ? [] : [...new Set(note.tags.map((t) => t.trim()).filter((t) => t.length <= 40 && TAG.test(t)))].slice(0, 10),
                resolved: note.on === "reply" ? false : note.resolved,
                deleted: note.deleted,
                authorId: authorOf(note.creator),
                createdAt,
              },
              select: { id: true },
            })
          ).id;
        if (existing) result.notesSkipped++;
        else result.notesCreated++;
        if (note.on !== "reply") threadIds.set(note.importId, { id, target: place.target, claimId: place.claimId ?? null, linkId: place.linkId ?? null, versionId: place.versionId ?? null });
      }
      await recordActivity(tx, {
        workspaceId: grant.workspaceId,
        dossierId: input.dossierId,
        actorId: grant.userId,
        action: "dossier.imported",
        entityType: "dossier",
        entityId: input.dossierId,
        after: { format: "jsonld", ...result, unplaced: result.unplaced.length },
      });
      if (result.linksCreated + result.linksUpdated + result.notesCreated > 0) {
        await tx.dossier.update({ where: { id: input.dossierId }, data: { updatedAt: new Date() } });
      }
      return result;
    },
    { timeout: 120_000 },
  );
}

/** Makes the link, or brings the claim's link on the same span to the imported state. */
async function storeLink(tx: Tx, link: PlacedLink, text: string, createdById: string | null): Promise<{ id: string; created: boolean }> {
  const judgement = {
    state: link.state,
    verdict: link.state === "accepted" ? link.verdict : null,
    score: link.score,
    rank: link.rank,
    origin: link.origin,
    anchorStatus: link.span.status,
    previousExact: link.span.previousExact,
  };
  const existing = await tx.link.findFirst({
    where: { claimId: link.claimId, versionId: link.span.versionId, start: link.span.start, end: link.span.end },
    select: { id: true },
  });
  if (existing) {
    await tx.link.update({ where: { id: existing.id }, data: { ...judgement, revision: { increment: 1 } } });
    return { id: existing.id, created: false };
  }
  const [quote, position] = describe(text, link.span.start, link.span.end);
  const created = await tx.link.create({
    data: { claimId: link.claimId, versionId: link.span.versionId, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end, ...judgement, createdById },
    select: { id: true },
  });
  return { id: created.id, created: true };
}

function notePlace(
  note: PlacedNote,
  links: Map<string, { id: string; claimId: string }>,
  threads: Map<string, { id: string; target: "span" | "claim" | "link"; claimId: string | null; linkId: string | null; versionId: string | null }>,
  textOf: Map<string, string>,
): AnnotationPlace {
  switch (note.on) {
    case "span": {
      const span = note.span!;
      const [quote, position] = describe(textOf.get(span.versionId)!, span.start, span.end);
      return { target: "span", versionId: span.versionId, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position.start, end: position.end, anchorStatus: span.status };
    }
    case "claim":
      return { target: "claim", claimId: note.claimId! };
    case "link": {
      const link = links.get(note.aboutImportId!)!;
      return { target: "link", linkId: link.id, claimId: link.claimId };
    }
    case "reply": {
      const thread = threads.get(note.aboutImportId!)!;
      return { target: thread.target, parentId: thread.id, claimId: thread.claimId ?? undefined, linkId: thread.linkId ?? undefined, versionId: thread.versionId ?? undefined };
    }
  }
}

/**
 * The note's rich text when it is one Attest stores, else its plain text as paragraphs; null
 * when it has no text, undefined when it is longer than a note may be.
 */
function noteBody(note: PlacedNote): RichTextNode | null | undefined {
  if (note.richText) {
    const parsed = annotationBodySchema.safeParse(note.richText);
    if (parsed.success) return parsed.data as RichTextNode;
  }
  const paragraphs = note.text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) return null;
  const parsed = annotationBodySchema.safeParse({ type: "doc", content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) });
  return parsed.success ? (parsed.data as RichTextNode) : undefined;
}
