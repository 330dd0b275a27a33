// Decides which importer reads an input, from an explicit format, a content type or a file name.
import type { DocumentFormat } from "../text/types.ts";

/** Content types (without parameters) and the format each is read as. */
const CONTENT_TYPES: Record<string, DocumentFormat> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/plain": "text",
  "application/pdf": "pdf",
};

/** File name extensions and the format each is read as. */
const EXTENSIONS: Record<string, DocumentFormat> = {
  html: "html", htm: "html", xhtml: "html", md: "markdown", markdown: "markdown", mdown: "markdown",
  txt: "text", text: "text", pdf: "pdf",
};

/**
 * Returns the format to read an input as: the explicit `format`, else the one its content type
 * names, else its file name's extension, else HTML when the text starts like an HTML page, else
 * plain text. Returns `null` when the content type or extension names something else
 * (an image, a Word file…).
 */
export function detectFormat(input: { format?: DocumentFormat; contentType?: string; filename?: string }, head: string): DocumentFormat | null {
  if (input.format) return input.format;
  if (input.contentType && input.contentType.trim() !== "") {
    const type = input.contentType.split(";")[0].trim().toLowerCase();
    if (type !== "application/octet-stream") return CONTENT_TYPES[type] ?? null;
  }
  if (input.filename && input.filename.includes(".")) {
    const extension = input.filename.slice(input.filename.lastIndexOf(".") + 1).toLowerCase();
    return EXTENSIONS[extension] ?? null;
  }
  return /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(head) ? "html" : "text";
}
