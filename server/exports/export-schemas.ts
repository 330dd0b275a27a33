// The inputs of the export and import use cases, validated at the boundary (and described in the API's documentation).
import { z } from "zod";
import { exportFormatSchema } from "./export-formats.ts";

/** Largest import body, in bytes: an export of 5,000 links on a 1 MB source is about 10 MB. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** The query of an export. */
export const exportQuerySchema = z.object({
  /** `jsonld` (W3C Web Annotations), `md` (the briefing with footnotes) or `csv` (one row per claim). */
  format: exportFormatSchema.default("jsonld"),
});

/** The body of an export job's request: only its format (other fields are refused). */
export const exportRequestSchema = z.strictObject({
  /** `jsonld` (W3C Web Annotations), `md` (the briefing with footnotes) or `csv` (one row per claim). */
  format: exportFormatSchema.default("jsonld"),
});

/**
 * The body of an import: a W3C Web Annotation `AnnotationCollection` (items on its `first`
 * page), an `AnnotationPage`, one `Annotation`, or a list of Annotations. Each item is read
 * and checked by `readWebAnnotations`.
 */
export const importBodySchema = z.union(
  [
    z.looseObject({ type: z.enum(["AnnotationCollection", "AnnotationPage", "Annotation"]) }),
    z.array(z.looseObject({ type: z.union([z.string(), z.array(z.string())]) })),
  ],
  { error: "The file is not a Web Annotation collection, page or list." },
);
