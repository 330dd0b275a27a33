// Turns a document input (text, file or URL) into the canonical text model, or a clear AppError.
import { importDocument } from "@/core/import/import-document.ts";
import { ImportError } from "@/core/import/import-error.ts";
import type { TextDocument } from "@/core/text/types.ts";
import { AppError } from "../errors/app-error.ts";
import { FetchError } from "../import/fetch-error.ts";
import { fetchUrl } from "../import/fetch-url.ts";
import { isPdf, readPdf } from "../import/read-pdf.ts";
import { detectFormat } from "@/core/import/detect-format.ts";
import { titleFromFilename } from "./title-from-filename.ts";
import { documentInputSchema, MAX_DOCUMENT_BYTES, MAX_PDF_BYTES, type DocumentInput } from "./document-input-schema.ts";

/** An imported input: its text model and where it came from. */
export interface ReadInput {
  text: TextDocument;
  /** The page's address, after redirects, for URL inputs. */
  originUrl: string | null;
  /** A title found in the input, or the file name / address. */
  suggestedTitle: string | null;
}

/** How long a URL may take to fetch. */
const FETCH_TIMEOUT_MS = 15_000;
const FETCH_MAX_REDIRECTS = 5;

/**
 * Validates and imports the input. Throws `AppError` with `invalid_input` (or `too_large`) and a
 * message a person can act on; nothing is stored by this step.
 */
export async function readDocumentInput(raw: DocumentInput, options: { fetch?: typeof fetchUrl } = {}): Promise<ReadInput> {
  const parsed = documentInputSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues[0]?.message ?? "The document input is not valid.");
  const input = parsed.data;
  try {
    switch (input.from) {
      case "text": {
        const text = importDocument({ text: input.text, format: input.format }, { maxBytes: MAX_DOCUMENT_BYTES });
        return { text, originUrl: null, suggestedTitle: text.title ?? null };
      }
      case "file": {
        const text = await importBytes({ bytes: input.bytes, filename: input.filename, contentType: input.contentType });
        return { text, originUrl: null, suggestedTitle: text.title ?? titleFromFilename(input.filename) };
      }
      case "url": {
        const page = await (options.fetch ?? fetchUrl)(input.url, {
          maxBytes: MAX_PDF_BYTES,
          timeoutMs: FETCH_TIMEOUT_MS,
          maxRedirects: FETCH_MAX_REDIRECTS,
        });
        const text = await importBytes({ bytes: page.bytes, contentType: page.contentType, filename: new URL(page.finalUrl).pathname });
        return { text, originUrl: page.finalUrl, suggestedTitle: text.title ?? page.finalUrl };
      }
    }
  } catch (error) {
    if (error instanceof ImportError || error instanceof FetchError) {
      throw new AppError(error.code === "too_large" ? "too_large" : "invalid_input", error.message, { reason: error.code });
    }
    throw error;
  }
}

/** A file's or a page's bytes as a document: PDFs (by type, name or content) through PDF.js, the rest as text. */
async function importBytes(input: { bytes: Uint8Array; filename?: string; contentType?: string }): Promise<TextDocument> {
  const pdf = isPdf(input.bytes) || detectFormat(input, "") === "pdf";
  if (!pdf) return importDocument(input, { maxBytes: MAX_DOCUMENT_BYTES });
  if (input.bytes.length > MAX_PDF_BYTES) {
    throw new ImportError("too_large", `The PDF is ${input.bytes.length} bytes; the limit is ${MAX_PDF_BYTES} bytes.`);
  }
  return readPdf(input.bytes);
}
