// Queues a one-off job (an import or an export) inside the caller's transaction.
import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db, Tx } from "../db.ts";
import { notifyDossier } from "../live/notify-dossier.ts";
import { jobMessage } from "./job-message.ts";
import { writeJobFile } from "./job-files.ts";
import { JOB_FILE_TTL_MS, TASKS_QUEUE } from "./job-settings.ts";
import { presentJob, type JobView } from "./present-job.ts";
import { sqlInTransaction } from "./sql-in-transaction.ts";
import type { JobQueue, TaskRunData } from "./start-job-queue.ts";

/** A job to queue. */
export interface NewTask {
  dossierId: string;
  kind: "import" | "export";
  /** What the job works on; `label` says it in words in the job's strip. */
  payload: Prisma.InputJsonObject & { label: string };
  createdById: string | null;
  /** Steps the job counts its progress in. */
  total: number;
  /** Bytes the job reads (an uploaded file or pasted text), kept until it ends, however it ends. */
  input?: { filename: string; contentType: string; bytes: Uint8Array };
}

/**
 * Stores the job (and its input file) and sends its run to the queue, in the caller's transaction:
 * the job exists only if the request commits. Files of jobs older than a day go on the way.
 */
export async function queueTask(tx: Tx, queue: JobQueue, task: NewTask): Promise<JobView> {
  await sweepJobFiles(tx);
  const id = randomUUID();
  const job = await tx.job.create({
    data: { id, runId: id, dossierId: task.dossierId, kind: task.kind, total: task.total, payload: task.payload, createdById: task.createdById },
  });
  if (task.input) {
    await writeJobFile(tx, id, "input", task.input);
  }
  const data: TaskRunData = { jobId: id, kind: task.kind };
  await queue.boss.send(TASKS_QUEUE, data, { id, ...queue.taskSendOptions, db: sqlInTransaction(tx) });
  await notifyDossier(tx, jobMessage(task.dossierId, id, "job.queued"));
  return presentJob(job);
}

/** Deletes the files of jobs (exports' output, ended jobs' input) kept for more than a day. */
export async function sweepJobFiles(db: Db | Tx): Promise<void> {
  await db.jobFile.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - JOB_FILE_TTL_MS) } } });
}
