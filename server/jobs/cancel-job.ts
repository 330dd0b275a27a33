// Cancels a queued or running background job of a dossier (editors and owners).
import type { Db } from "../db.ts";
import { recordActivity } from "../activity/record-activity.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema } from "../links/link-schemas.ts";
import { actorUserId, type Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { queueOfKind } from "./job-settings.ts";
import { processJobQueue } from "./process-job-queue.ts";
import { presentJob, type JobView } from "./present-job.ts";
import { sqlInTransaction } from "./sql-in-transaction.ts";

/**
 * Cancels the job: it stays as far as it got (the batches stored so far keep their suggestions)
 * and a running batch is rolled back. A job that has already ended is a conflict carrying it.
 * Cancelling is for those who may change the dossier's documents (editors and owners), and for
 * the member who asked for an export.
 */
export async function cancelJob(db: Db, input: { jobId: string; actor: Actor }): Promise<JobView> {
  const jobId = parseInput(idSchema, input.jobId);
  const found = await db.job.findUnique({ where: { id: jobId }, select: { dossierId: true, kind: true, createdById: true } });
  if (!found) throw new AppError("not_found", "No such job.");
  // Whoever asked for an export may cancel it; other jobs change the dossier's documents.
  const own = found.kind === "export" && found.createdById !== null && found.createdById === actorUserId(input.actor);
  const grant = await authorizeDossier(db, input.actor, found.dossierId, own ? "dossier.read" : "document.write");
  return db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: jobId, state: { in: ["queued", "running"] } },
      data: { state: "cancelled", error: "Cancelled.", finishedAt: new Date() },
    });
    const job = await tx.job.findUniqueOrThrow({ where: { id: jobId } });
    if (count === 0) throw new AppError("conflict", "The job has already ended.", presentJob(job));
    await tx.jobFile.deleteMany({ where: { jobId, role: "input" } });
    // The run that holds the job, read once its row is locked (a run may have just handed it over).
    await processJobQueue()?.boss.cancel(queueOfKind(job.kind), job.runId, { db: sqlInTransaction(tx) });
    await recordActivity(tx, {
      workspaceId: grant.workspaceId,
      dossierId: found.dossierId,
      actorId: grant.userId,
      action: "job.cancelled",
      entityType: "job",
      entityId: jobId,
      before: { state: "running", done: job.done, total: job.total },
      after: { state: "cancelled" },
    });
    return presentJob(job);
  });
}
