// The import job: reads its input (fetches the page, parses the file or text), then stores the new source or version.
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { readJobFile } from "../jobs/job-files.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";
import type { TaskHandler } from "../jobs/run-task-job.ts";
import { sourceMetadataSchema, storeSource } from "./add-source.ts";
import { storeNewVersion } from "./add-document-version.ts";
import type { DocumentInput } from "./document-input-schema.ts";
import { IMPORT_STEPS } from "./queue-import.ts";
import { readDocumentInput } from "./read-document-input.ts";

/** Fetch failures worth another try (see `fetchUrl`); the others (a refused address, a page too large) are final. */
const TRANSIENT_FETCH_FAILURES = new Set(["timeout", "network_error", "dns_failed"]);

const payloadSchema = z.intersection(
  z.discriminatedUnion("target", [
    sourceMetadataSchema.extend({ target: z.literal("source") }),
    z.object({ target: z.literal("version"), documentId: z.string() }),
  ]),
  z.object({
    input: z.discriminatedUnion("from", [
      z.object({ from: z.literal("url"), url: z.string() }),
      z.object({ from: z.literal("text"), format: z.enum(["text", "markdown", "html"]) }),
      z.object({ from: z.literal("file") }),
    ]),
  }),
);

/**
 * Reads the job's input — fetching the page, or parsing the uploaded file or pasted text kept as
 * its input file — as the member who asked for it, who must still be allowed to change the
 * dossier's documents; then stores it as a new source, or as the next version of the document
 * with its links and notes re-anchored, in the transaction that ends the job. A page that timed
 * out or could not be reached is tried again (the queue's retries); other problems with the input
 * fail the job at once with the reason.
 */
export const importJob: TaskHandler = async (db, job, context) => {
  const payload = payloadSchema.safeParse(job.payload);
  if (!payload.success) throw new AppError("invalid_input", "The import job's description is not valid.");
  if (!job.createdById) throw new AppError("forbidden", "An import needs the member who asked for it.");
  const grant = await authorizeDossier(db, userActor(job.createdById), job.dossierId, "document.write");
  await context.progress(0, IMPORT_STEPS);
  const read = await readDocumentInput(await inputOf(db, job.id, payload.data.input)).catch((error: unknown) => {
    // A page that timed out or could not be reached may answer later: the run is retried.
    const reason = error instanceof AppError ? (error.details as { reason?: string } | undefined)?.reason : undefined;
    throw reason && TRANSIENT_FETCH_FAILURES.has(reason) ? new Error(error instanceof Error ? error.message : "The page could not be fetched.") : error;
  });
  await context.progress(1, IMPORT_STEPS);
  const target = payload.data;
  if (target.target === "source") {
    const metadata = sourceMetadataSchema.parse({ title: target.title, author: target.author });
    return async (tx) => {
      const added = await storeSource(tx, { dossierId: job.dossierId, workspaceId: grant.workspaceId, userId: grant.userId, read, metadata });
      // The suggestions' refresh it queued, if the dossier was over the in-request budget.
      return { documentId: added.documentId, versionId: added.versionId, ...(added.jobId ? { suggestionsJobId: added.jobId } : {}) };
    };
  }
  return async (tx) => {
    const added = await storeNewVersion(tx, target.documentId, read, grant.userId);
    if (!added) throw new AppError("not_found", "The document was deleted before its new version could be stored.");
    return { documentId: target.documentId, versionId: added.versionId, number: added.number, created: added.created, ...added.anchors, ...added.claims };
  };
};

async function inputOf(db: Parameters<TaskHandler>[0], jobId: string, input: z.infer<typeof payloadSchema>["input"]): Promise<DocumentInput> {
  if (input.from === "url") return { from: "url", url: input.url };
  const file = await readJobFile(db, jobId, "input");
  if (!file) throw new AppError("invalid_input", "The job's input file is gone.");
  if (input.from === "text") return { from: "text", text: new TextDecoder().decode(file.bytes), format: input.format };
  return { from: "file", filename: file.filename, bytes: file.bytes, contentType: file.contentType || undefined };
}
