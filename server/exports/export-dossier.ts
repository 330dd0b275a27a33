// Exports a dossier as W3C Web Annotations, Markdown or CSV, for anyone who may read it.
import { z } from "zod";
import { toCsv } from "@/core/export/to-csv.ts";
import { toMarkdown } from "@/core/export/to-markdown.ts";
import { toWebAnnotations } from "@/core/export/to-web-annotations.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import type { DossierExport } from "@/core/export/dossier-export.ts";
import { EXPORT_FORMATS, type ExportFormat } from "./export-formats.ts";
import { exportQuerySchema } from "./export-schemas.ts";
import { loadDossierExport } from "./load-dossier-export.ts";

/** A file to download. */
export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

/** The dossier in `format`, with the file name to save it under (`<dossier slug>.<extension>`). */
export async function exportDossier(db: Db, input: { dossierId: string; format?: unknown; actor: Actor }): Promise<ExportFile> {
  if (!z.uuid().safeParse(input.dossierId).success) throw new AppError("not_found", "No such dossier.");
  const { format } = parseInput(exportQuerySchema, { format: input.format ?? undefined });
  await authorizeDossier(db, input.actor, input.dossierId, "dossier.read");
  return renderExport(await loadDossierExport(db, input.dossierId), format);
}

/** The dossier written in `format`. */
export function renderExport(dossier: DossierExport & { slug: string }, format: ExportFormat): ExportFile {
  const body = format === "jsonld" ? `${JSON.stringify(toWebAnnotations(dossier), null, 2)}\n` : format === "md" ? toMarkdown(dossier) : toCsv(dossier);
  const { contentType, extension } = EXPORT_FORMATS[format];
  return { body, contentType, filename: `${dossier.slug}.${extension}` };
}
