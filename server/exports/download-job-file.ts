// Downloads the file a finished export job wrote, for anyone who may read its dossier.
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Download } from "../http/handle-download.ts";
import { parseInput } from "../http/parse-input.ts";
import { readJobFile } from "../jobs/job-files.ts";
import { JOB_FILE_TTL_MS } from "../jobs/job-settings.ts";
import { idSchema } from "../links/link-schemas.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";

/** The job's file; not found when the job is unknown or unreadable to the actor, or its file is gone (kept for a day). */
export async function downloadJobFile(db: Db, input: { jobId: string; actor: Actor }): Promise<Download> {
  const jobId = parseInput(idSchema, input.jobId);
  const job = await db.job.findUnique({ where: { id: jobId }, select: { dossierId: true, kind: true, state: true } });
  if (!job) throw new AppError("not_found", "No such job.");
  await authorizeDossier(db, input.actor, job.dossierId, "dossier.read").catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "No such job.") : error;
  });
  const file = await readJobFile(db, jobId, "output");
  // A file older than a day is gone, even before the next sweep deletes it.
  if (!file || file.createdAt.getTime() < Date.now() - JOB_FILE_TTL_MS) throw new AppError("not_found", missingFileMessage(job));
  return { body: file.bytes, contentType: file.contentType, filename: file.filename };
}

function missingFileMessage(job: { kind: string; state: string }): string {
  if (job.kind !== "export") return "This job writes no file to download.";
  if (job.state === "queued" || job.state === "running") return "This export has not finished yet.";
  if (job.state === "done") return "This export's file was removed after a day: export again.";
  return `This export ${job.state === "cancelled" ? "was cancelled" : "failed"}: it has no file.`;
}
