// Where a new document or version comes from: pasted text, an uploaded file, or a URL.
import { z } from "zod";

/** Largest pasted text or uploaded file, in bytes. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Largest PDF file, in bytes (a PDF's text is a small part of its size). */
export const MAX_PDF_BYTES = 25 * 1024 * 1024;

/** The input of a new document or document version. */
export const documentInputSchema = z.discriminatedUnion("from", [
  z.object({
    from: z.literal("text"),
    /** The pasted text. */
    text: z.string().max(MAX_DOCUMENT_BYTES, "The text is larger than 5 MB."),
    /** How to read it; plain text unless said otherwise. */
    format: z.enum(["text", "markdown", "html"]).default("text"),
  }),
  z.object({
    from: z.literal("file"),
    /** The file's name, whose extension says its format (.txt, .md, .html, .pdf). */
    filename: z.string().min(1).max(255),
    /** The file's bytes: a PDF, or text decoded strictly as UTF-8. */
    bytes: z.instanceof(Uint8Array),
    /** The content type the browser sent, if any. */
    contentType: z.string().max(255).optional(),
  }),
  z.object({
    from: z.literal("url"),
    /** An http or https address of a public page. */
    url: z.url({ protocol: /^https?$/, error: "Give an http:// or https:// address." }).max(2048),
  }),
]);

export type DocumentInput = z.input<typeof documentInputSchema>;
