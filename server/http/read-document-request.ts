// Reads a new document from a request: a multipart form (file upload) or a JSON body.
import { AppError } from "../errors/app-error.ts";
import type { DocumentInput } from "../documents/document-input-schema.ts";
import { MAX_PDF_BYTES } from "../documents/document-input-schema.ts";
import { readJson } from "./read-json.ts";
import { readLimitedBody } from "./read-limited-body.ts";

/** Largest multipart body accepted: the largest file (a PDF) and room for the form's other fields. */
export const MAX_UPLOAD_BYTES = MAX_PDF_BYTES + 1024 * 1024;

/** The document input and optional metadata a request carries. */
export interface DocumentRequest {
  document: DocumentInput;
  metadata: { title?: string; author?: string };
}

/**
 * Multipart: `from` (text | file | url) with `text` (+ `format`), `file`, or `url`, and optional
 * `title` and `author`. JSON: `{ document: DocumentInput, metadata? }`.
 */
export async function readDocumentRequest(request: Request): Promise<DocumentRequest> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) {
    const body = (await readJson(request)) as { document?: DocumentInput; metadata?: DocumentRequest["metadata"] } | null;
    if (!body || typeof body !== "object" || !body.document) throw new AppError("invalid_input", "document: required");
    return { document: body.document, metadata: body.metadata ?? {} };
  }
  const bytes = await readLimitedBody(request, MAX_UPLOAD_BYTES);
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("invalid_input", "The form could not be read.");
  }
  return readDocumentForm(form);
}

/** Reads a new document from form fields (see `readDocumentRequest`). */
export async function readDocumentForm(form: FormData): Promise<DocumentRequest> {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value.trim() ? value : undefined;
  };
  const metadata = { title: field("title"), author: field("author") };
  const from = field("from") ?? (form.get("file") instanceof File ? "file" : field("url") ? "url" : "text");
  if (from === "file") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("invalid_input", "Choose a file to upload.");
    return {
      document: { from: "file", filename: file.name || "upload.txt", bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type || undefined },
      metadata,
    };
  }
  if (from === "url") return { document: { from: "url", url: field("url") ?? "" }, metadata };
  const format = field("format");
  return {
    document: { from: "text", text: String(form.get("text") ?? ""), format: format as "text" | "markdown" | "html" | undefined },
    metadata,
  };
}
