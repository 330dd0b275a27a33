// Loads a document's title, kind, dossier and latest version number, for the reader's forms.
import { z } from "zod";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import type { Action } from "../policies/permissions.ts";

/** A document as a form about it shows it. */
export interface DocumentSummary {
  id: string;
  kind: "source" | "briefing";
  title: string;
  dossierId: string;
  dossierTitle: string;
  latestVersion: number;
}

/** The document, if the actor may do `action` in its dossier (else `not_found` / `forbidden`). */
export async function getDocumentOrThrow(db: Db, documentId: string, actor: Actor, action: Action = "dossier.read"): Promise<DocumentSummary> {
  if (!z.uuid().safeParse(documentId).success) throw new AppError("not_found", "No such document.");
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: {
      id: true,
      kind: true,
      title: true,
      dossierId: true,
      dossier: { select: { title: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
    },
  });
  if (!document) throw new AppError("not_found", "No such document.");
  await authorizeDossier(db, actor, document.dossierId, action).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "No such document.") : error;
  });
  return {
    id: document.id,
    kind: document.kind,
    title: document.title,
    dossierId: document.dossierId,
    dossierTitle: document.dossier.title,
    latestVersion: document.versions[0]?.number ?? 0,
  };
}
