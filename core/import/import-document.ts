// Turns an uploaded, pasted or fetched input into a canonical TextDocument, refusing bad input.
import type { DocumentFormat, TextDocument } from "../text/types.ts";
import { detectFormat } from "./detect-format.ts";
import { ImportError } from "./import-error.ts";
import { importHtml } from "./import-html.ts";
import { importMarkdown } from "./import-markdown.ts";
import { importPlainText } from "./import-plain-text.ts";

/** An input to import: raw bytes (decoded as UTF-8) or already decoded text. */
export interface ImportInput {
  /** Raw bytes, decoded strictly as UTF-8; takes precedence over `text`. */
  bytes?: Uint8Array;
  /** Decoded text. */
  text?: string;
  /** Original file name, whose extension hints at the format. */
  filename?: string;
  /** Content type (parameters allowed), which hints at the format. */
  contentType?: string;
  /** Explicit format, overriding the hints. */
  format?: DocumentFormat;
}

/** Bounds an input must stay within. */
export interface ImportLimits {
  /** Largest input, in UTF-8 bytes. */
  maxBytes: number;
  /** Largest share of control characters (other than tab, LF, CR, FF) before the input counts as binary. */
  maxControlRatio: number;
}

/** The limits used when none are given: 5 MB and 1% control characters. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxBytes: 5 * 1024 * 1024, maxControlRatio: 0.01 };

/**
 * Imports an input as a TextDocument. Bytes are decoded strictly as UTF-8 and a leading BOM is
 * removed; the format comes from {@link detectFormat}.
 *
 * @throws ImportError `too_large` beyond `limits.maxBytes`; `binary` when the input holds a NUL
 *   or more than `limits.maxControlRatio` control characters; `invalid_utf8` when the bytes are
 *   not UTF-8; `unsupported_format` for a format with no importer (PDF, images…); `empty` when
 *   nothing but whitespace (or markup) remains.
 */
export function importDocument(input: ImportInput, limits: Partial<ImportLimits> = {}): TextDocument {
  const { maxBytes, maxControlRatio } = { ...DEFAULT_IMPORT_LIMITS, ...limits };
  let text: string;
  if (input.bytes) {
    if (input.bytes.length > maxBytes) throw tooLarge(input.bytes.length, maxBytes);
    if (input.bytes.includes(0)) throw new ImportError("binary", "The file contains NUL bytes, so it looks like a binary file rather than text.");
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input.bytes);
    } catch {
      throw new ImportError("invalid_utf8", "The file is not valid UTF-8 text; save it as UTF-8 and try again.");
    }
  } else if (typeof input.text === "string") {
    const size = new TextEncoder().encode(input.text).length;
    if (size > maxBytes) throw tooLarge(size, maxBytes);
    if (input.text.includes("\0")) throw new ImportError("binary", "The text contains NUL characters, so it looks like binary data rather than text.");
    text = input.text;
  } else {
    throw new ImportError("empty", "Nothing to import: give either bytes or text.");
  }
  text = text.replace(/^\ufeff/, "");
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length * maxControlRatio) {
    throw new ImportError("binary", `The text contains ${controls} control characters, so it looks like binary data rather than text.`);
  }
  if (text.trim() === "") throw empty();

  const format = detectFormat(input, text.slice(0, 512));
  let doc: TextDocument;
  switch (format) {
    case "text":
      doc = importPlainText(text);
      break;
    case "markdown":
      doc = importMarkdown(text);
      break;
    case "html":
      doc = importHtml(text);
      break;
    default:
      throw new ImportError("unsupported_format", `Cannot import ${describe(input, format)}: only plain text, Markdown and HTML are supported.`);
  }
  if (doc.text === "") throw empty();
  return doc;
}

function tooLarge(size: number, maxBytes: number): ImportError {
  return new ImportError("too_large", `The input is ${size} bytes; the limit is ${maxBytes} bytes.`);
}

function empty(): ImportError {
  return new ImportError("empty", "The input holds no text (only whitespace or markup).");
}

function describe(input: ImportInput, format: DocumentFormat | null): string {
  if (format === "pdf") return "PDF files";
  if (input.contentType) return `content of type "${input.contentType.split(";")[0].trim()}"`;
  if (input.filename) return `"${input.filename}"`;
  return "this input";
}
