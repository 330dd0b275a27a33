// Loads one dossier with the latest version of each of its documents and its live claims.
import { z } from "zod";
import type { Block } from "@/core/text/types.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";

/** A document as the reader shows it: metadata and its latest version's text and blocks. */
export interface DocumentView {
  id: string;
  kind: "source" | "briefing";
  title: string;
  author: string | null;
  originUrl: string | null;
  provenance: string | null;
  embeddedInTitle: string | null;
  versionId: string;
  versionNumber: number;
  text: string;
  blocks: Block[];
}

/** A claim of the briefing as the reader shows it. */
export interface ClaimView {
  id: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  section: string | null;
  topic: string | null;
  kind: "statement" | "quote" | "number";
  speaker: string | null;
  reviewState: string;
}

/** A dossier with its briefings, sources and claims. */
export interface DossierView {
  id: string;
  title: string;
  workspaceName: string;
  briefings: DocumentView[];
  sources: DocumentView[];
  claims: ClaimView[];
}

const dossierIdSchema = z.uuid();

/** The dossier, or an `AppError("not_found")` when the id is malformed or unknown. */
export async function getDossierOrThrow(db: Db, dossierId: string): Promise<DossierView> {
  if (!dossierIdSchema.safeParse(dossierId).success) throw new AppError("not_found", "No such dossier.");
  const dossier = await db.dossier.findUnique({
    where: { id: dossierId },
    select: {
      id: true,
      title: true,
      workspace: { select: { name: true } },
      documents: {
        orderBy: [{ kind: "asc" }, { position: "asc" }],
        select: {
          id: true,
          kind: true,
          title: true,
          author: true,
          originUrl: true,
          provenance: true,
          embeddedIn: { select: { title: true } },
          versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, text: true, blocks: true } },
        },
      },
      claims: {
        where: { retiredAt: null },
        orderBy: { order: "asc" },
        select: {
          id: true,
          documentId: true,
          start: true,
          end: true,
          text: true,
          section: true,
          topic: true,
          kind: true,
          speaker: true,
          reviewState: true,
        },
      },
    },
  });
  if (!dossier) throw new AppError("not_found", "No such dossier.");
  const documents = dossier.documents.flatMap((d): DocumentView[] => {
    const version = d.versions[0];
    if (!version) return [];
    return [
      {
        id: d.id,
        kind: d.kind,
        title: d.title,
        author: d.author,
        originUrl: d.originUrl,
        provenance: d.provenance,
        embeddedInTitle: d.embeddedIn?.title ?? null,
        versionId: version.id,
        versionNumber: version.number,
        text: version.text,
        blocks: version.blocks as unknown as Block[],
      },
    ];
  });
  return {
    id: dossier.id,
    title: dossier.title,
    workspaceName: dossier.workspace.name,
    briefings: documents.filter((d) => d.kind === "briefing"),
    sources: documents.filter((d) => d.kind === "source"),
    claims: dossier.claims,
  };
}
