// Sends an import that would hold the request too long (a page to fetch, a large text or file) to a background job.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { FetchError } from "../import/fetch-error.ts";
import { checkFetchTarget } from "../import/fetch-url.ts";
import { isPdf } from "../import/read-pdf.ts";
import { processJobQueue } from "../jobs/process-job-queue.ts";
import type { JobView } from "../jobs/present-job.ts";
import { queueTask } from "../jobs/queue-task.ts";
import { documentInputSchema, MAX_DOCUMENT_BYTES, MAX_PDF_BYTES, type DocumentInput } from "./document-input-schema.ts";

/** The steps an import job counts: the input read (fetched, parsed), then stored. */
export const IMPORT_STEPS = 2;

/** The answer to an import sent to a background job: the document appears when the job ends. */
export interface QueuedImport {
  queued: true;
  job: JobView;
}

/** Whether a use case's answer is a queued import. */
export function isQueued(result: unknown): result is QueuedImport {
  return typeof result === "object" && result !== null && (result as { queued?: unknown }).queued === true;
}

/** Where an import job stores what it reads: a new source (with its optional title and author), or a new version of a document. */
export type ImportTarget = { target: "source"; title?: string; author?: string } | { target: "version"; documentId: string };

/** How the job's input is read back: the page's address, or the format of the text kept as its input file. */
export type ImportInputPayload = { from: "url"; url: string } | { from: "text"; format: "text" | "markdown" | "html" } | { from: "file" };

/** "https://example.org/a", "report.pdf" or "pasted text", for a job's label. */
export function describeInput(document: DocumentInput): string {
  if (document.from === "url") return String(document.url).slice(0, 200);
  if (document.from === "file") return String(document.filename).slice(0, 200);
  return "pasted text";
}

/**
 * When a job queue runs in this process and the input is a URL, or text or a file larger than the
 * queue's import budget, queues an import job after the checks that need no reading (the input's
 * shape, its size, the URL's scheme and the addresses its host resolves to), so that those fail
 * at once. Returns null when the import should run in the request.
 */
export async function queueImportIfLarge(
  db: Db,
  request: { dossierId: string; document: DocumentInput; target: ImportTarget; label: string; createdById: string | null },
): Promise<QueuedImport | null> {
  const queue = processJobQueue();
  if (!queue) return null;
  const parsed = documentInputSchema.safeParse(request.document);
  if (!parsed.success) return null; // read in the request, which reports the problem
  const input = parsed.data;
  let payload: ImportInputPayload;
  let file: { filename: string; contentType: string; bytes: Uint8Array } | undefined;
  if (input.from === "url") {
    try {
      await checkFetchTarget(input.url);
    } catch (error) {
      if (error instanceof FetchError) throw new AppError("invalid_input", error.message, { reason: error.code });
      throw error;
    }
    payload = { from: "url", url: input.url };
  } else if (input.from === "text") {
    const bytes = new TextEncoder().encode(input.text);
    if (bytes.length <= queue.importSyncBytes) return null;
    // The schema counts characters; the limit is on UTF-8 bytes, as in the request.
    if (bytes.length > MAX_DOCUMENT_BYTES) throw new AppError("too_large", `The text is ${bytes.length} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes.`);
    payload = { from: "text", format: input.format };
    file = { filename: "pasted.txt", contentType: "text/plain; charset=utf-8", bytes };
  } else {
    if (input.bytes.length <= queue.importSyncBytes) return null;
    const limit = isPdf(input.bytes) || /\.pdf$/i.test(input.filename) ? MAX_PDF_BYTES : MAX_DOCUMENT_BYTES;
    if (input.bytes.length > limit) throw new AppError("too_large", `The file is ${input.bytes.length} bytes; the limit is ${limit} bytes.`);
    payload = { from: "file" };
    file = { filename: input.filename, contentType: input.contentType ?? "", bytes: input.bytes };
  }
  const job = await db.$transaction((tx) =>
    queueTask(tx, queue, {
      dossierId: request.dossierId,
      kind: "import",
      payload: { label: request.label, ...request.target, input: payload } as Prisma.InputJsonObject & { label: string },
      createdById: request.createdById,
      total: IMPORT_STEPS,
      input: file,
    }),
  );
  return { queued: true, job };
}
