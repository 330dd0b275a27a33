// The formats a dossier exports to, with their content types and file extensions.
import { z } from "zod";

/** `jsonld` (W3C Web Annotations), `md` (the briefing with footnotes), `csv` (one row per claim). */
export const exportFormatSchema = z.enum(["jsonld", "md", "csv"], { error: "must be jsonld, md or csv." });

export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** The content type and file extension of each format. */
export const EXPORT_FORMATS: Record<ExportFormat, { contentType: string; extension: string }> = {
  jsonld: { contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8', extension: "jsonld" },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md" },
  csv: { contentType: "text/csv; charset=utf-8; header=present", extension: "csv" },
};
