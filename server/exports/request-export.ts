// Asks for an export of a dossier as a job: written in the request when the dossier is small, else by the queue.
import { randomUUID } from "node:crypto";
import type { Db } from "../db.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema } from "../links/link-schemas.ts";
import { presentJob, type JobView } from "../jobs/present-job.ts";
import { processJobQueue } from "../jobs/process-job-queue.ts";
import { queueTask, sweepJobFiles } from "../jobs/queue-task.ts";
import { runTaskJob, TaskFailure } from "../jobs/run-task-job.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { EXPORT_STEPS, exportJob } from "./export-job.ts";
import { exportRequestSchema } from "./export-schemas.ts";

const LABELS = { jsonld: "Web Annotations (JSON-LD)", md: "Markdown", csv: "CSV" } as const;

/**
 * Starts an export of the dossier in `format` for anyone who may read it. Up to the queue's
 * `exportSyncItems` claims and links together (or with no queue in this process) the file is
 * written in the request and the job comes back done; above it the job is queued and its file
 * appears when it ends (asked again meanwhile, the same job comes back). Either way the file can
 * be downloaded from the job for a day.
 */
export async function requestExport(db: Db, input: { dossierId: string; body: unknown; actor: Actor }): Promise<JobView> {
  const dossierId = parseInput(idSchema, input.dossierId);
  const { format } = parseInput(exportRequestSchema, input.body ?? {});
  const grant = await authorizeDossier(db, input.actor, dossierId, "dossier.read");
  const [{ items }] = await db.$queryRaw<{ items: number }[]>`
    SELECT ((SELECT COUNT(*) FROM "Claim" WHERE "dossierId" = ${dossierId})
      + (SELECT COUNT(*) FROM "Link" l JOIN "Claim" c ON c."id" = l."claimId" WHERE c."dossierId" = ${dossierId}))::int AS items`;
  const queue = processJobQueue();
  const task = { dossierId, kind: "export" as const, payload: { label: `Exporting ${LABELS[format]}`, format }, createdById: grant.userId, total: EXPORT_STEPS };
  if (queue && items > queue.exportSyncItems) {
    // A second click while the member's export in this format waits or runs gets that export.
    const pending = await db.job.findFirst({
      where: { dossierId, kind: "export", createdById: grant.userId, state: { in: ["queued", "running"] }, payload: { path: ["format"], equals: format } },
    });
    if (pending) return presentJob(pending);
    return db.$transaction((tx) => queueTask(tx, queue, task));
  }

  // Written here, not queued: old files go on the way, as when a job is queued.
  await sweepJobFiles(db);
  const id = randomUUID();
  await db.job.create({ data: { id, runId: id, ...task } });
  try {
    await runTaskJob(db, id, exportJob);
  } catch (error) {
    const message = error instanceof Error ? error.message : "The export failed.";
    await db.job.updateMany({ where: { id, state: "running" }, data: { state: "failed", error: message, finishedAt: new Date() } });
    // The handler's own error (an AppError answers the request with its status).
    throw error instanceof TaskFailure ? error.cause : error;
  }
  return presentJob(await db.job.findUniqueOrThrow({ where: { id } }));
}
