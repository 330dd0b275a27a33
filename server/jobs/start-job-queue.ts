// Starts the job queue (pg-boss) over the process's open database and this process's worker.
import PgBoss from "pg-boss";
import type { Tx } from "../db.ts";
import type { ReadyDatabase } from "../db/process-database.ts";
import { notifyDossier } from "../live/notify-dossier.ts";
import { runSuggestionJob, type SuggestionJobRun } from "../suggestions/run-suggestion-job.ts";
import { jobMessage } from "./job-message.ts";
import {
  EXPORT_SYNC_ITEMS,
  IMPORT_SYNC_BYTES,
  JOB_EXPIRY_SECONDS,
  JOB_MAINTENANCE_SECONDS,
  JOB_SCHEMA,
  JOB_SLICE_SECONDS,
  RETRY_DELAY_SECONDS,
  RETRY_LIMIT,
  SUGGESTIONS_QUEUE,
  SYNC_SUGGESTION_BUDGET,
  TASK_EXPIRY_SECONDS,
  TASKS_QUEUE,
  queueOfKind,
} from "./job-settings.ts";
import { runTaskJob, TaskFailure } from "./run-task-job.ts";
import { sqlInTransaction } from "./sql-in-transaction.ts";
import { taskHandlerOf } from "./task-handlers.ts";

/** What a suggestion run is sent with: the dossier (its singleton key) and the job it runs (absent on a job's first run, whose id is the job's). */
export interface SuggestionRunData {
  dossierId: string;
  jobId?: string;
}

/** What a one-off job's run is sent with: the job, which is also the run's id, and its kind. */
export interface TaskRunData {
  jobId: string;
  kind: string;
}

/** A running queue: pg-boss, the options jobs are sent with, and how to stop it. */
export interface JobQueue {
  boss: PgBoss;
  /** Claims × source characters up to which suggestions are computed in the request. */
  syncBudget: number;
  /** Bytes of text or file up to which an import runs in the request. */
  importSyncBytes: number;
  /** Claims and links together up to which an export is written in the request. */
  exportSyncItems: number;
  /** Retry and expiry options every suggestion run is sent with. */
  sendOptions: Pick<PgBoss.SendOptions, "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds">;
  /** The same for one-off jobs (imports, exports), which are not cut into slices and may run longer. */
  taskSendOptions: Pick<PgBoss.SendOptions, "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds">;
  /** Stops the worker (a running job ends after its batch and is handed over to a new run) and pg-boss. */
  stop(): Promise<void>;
}

/** Options of `startJobQueue`; the defaults are the app's. */
export interface JobQueueOptions {
  syncBudget?: number;
  importSyncBytes?: number;
  exportSyncItems?: number;
  /** Run this process's worker (default true); false only queues. */
  work?: boolean;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How long a run may stay active before it is taken for dead (default `JOB_EXPIRY_SECONDS`). */
  expireInSeconds?: number;
  /** The same for a one-off job's run (default `TASK_EXPIRY_SECONDS`). */
  taskExpireInSeconds?: number;
  /** How long a run stores batches before handing over (default `JOB_SLICE_SECONDS`). */
  sliceSeconds?: number;
  /** How often pg-boss looks for expired runs (default `JOB_MAINTENANCE_SECONDS`). */
  maintenanceIntervalSeconds?: number;
  /** How often an idle worker looks for a job (default 1 s). */
  pollingIntervalSeconds?: number;
  batchSize?: SuggestionJobRun["batchSize"];
  beforeBatch?: (jobId: string, done: number) => void | Promise<void>;
}

/**
 * Starts pg-boss on the open database — over the PostgreSQL pool, or over PGlite's one connection
 * (where this process is the only one: every job runs here) — creating its schema on first use,
 * and works the suggestion queue one run at a time. A run stores batches for a slice of time,
 * then hands the job over to a new run in the queue, so that a run left active by a killed
 * process expires soon and is retried by any instance. On the embedded database such a run is
 * retried at once: no other process can be running it.
 */
export async function startJobQueue(ready: ReadyDatabase, options: JobQueueOptions = {}): Promise<JobQueue> {
  const { prisma, database } = ready;
  const executeSql = database.executeSql;
  if (!executeSql) throw new Error("This database cannot host the job queue.");
  const sendOptions = {
    retryLimit: options.retryLimit ?? RETRY_LIMIT,
    retryDelay: options.retryDelaySeconds ?? RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: options.expireInSeconds ?? JOB_EXPIRY_SECONDS,
  };
  const sliceMs = (options.sliceSeconds ?? JOB_SLICE_SECONDS) * 1000;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => executeSql(text, values) },
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? JOB_MAINTENANCE_SECONDS,
    schedule: false,
    ...sendOptions,
  });
  boss.on("error", (error: Error) => console.error(`Job queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(SUGGESTIONS_QUEUE, { name: SUGGESTIONS_QUEUE, policy: "stately", ...sendOptions });
  const taskSendOptions = { ...sendOptions, expireInSeconds: options.taskExpireInSeconds ?? TASK_EXPIRY_SECONDS };
  await boss.createQueue(TASKS_QUEUE, { name: TASKS_QUEUE, policy: "standard", ...taskSendOptions });
  await settlePendingJobs(ready, boss, { retryActive: database.config.kind === "pglite" });

  const stopping = new AbortController();
  if (options.work ?? true) {
    await boss.work<SuggestionRunData>(
      SUGGESTIONS_QUEUE,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async ([run]) => {
        const jobId = run.data.jobId ?? run.id;
        try {
          const outcome = await runSuggestionJob(prisma, jobId, {
            runId: run.id,
            // A run handed the job is not a new attempt; its retry (after a failure or expiry) is.
            newAttempt: run.id === jobId || run.retryCount > 0,
            batchSize: options.batchSize,
            sliceMs,
            handOver: (tx, nextRunId) => handOver(boss, tx, run, jobId, nextRunId, sendOptions),
            finish: (tx) => boss.complete(SUGGESTIONS_QUEUE, run.id, { outcome: "done" }, { db: sqlInTransaction(tx) }).then(() => {}),
            signal: stopping.signal,
            beforeBatch: options.beforeBatch && ((done) => options.beforeBatch!(jobId, done)),
          });
          return { outcome };
        } catch (error) {
          await failRun(ready, boss, SUGGESTIONS_QUEUE, run, jobId, error as Error);
          return { outcome: "failed" };
        }
      },
    );
    await boss.work<TaskRunData>(
      TASKS_QUEUE,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async ([run]) => {
        const { jobId, kind } = run.data;
        try {
          // Not cut into slices: stopping the app waits for a running import or export (up to the stop's timeout).
          const outcome = await runTaskJob(prisma, jobId, taskHandlerOf(kind), {
            finish: (tx) => boss.complete(TASKS_QUEUE, run.id, { outcome: "done" }, { db: sqlInTransaction(tx) }).then(() => {}),
          });
          return { outcome };
        } catch (error) {
          const failure = error instanceof TaskFailure ? error : null;
          await failRun(ready, boss, TASKS_QUEUE, run, jobId, error as Error, failure ? { attempts: failure.attempt, final: failure.final } : {});
          return { outcome: "failed" };
        }
      },
    );
  }
  return {
    boss,
    syncBudget: options.syncBudget ?? SYNC_SUGGESTION_BUDGET,
    importSyncBytes: options.importSyncBytes ?? IMPORT_SYNC_BYTES,
    exportSyncItems: options.exportSyncItems ?? EXPORT_SYNC_ITEMS,
    sendOptions,
    taskSendOptions,
    async stop() {
      stopping.abort();
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}

/**
 * Inside the transaction of a run's last batch: ends the run in the queue and queues the run
 * `nextRunId` that continues the job, under the dossier's singleton key. A run that had been
 * taken for dead meanwhile (and waits for its retry) is cancelled instead: the job is no longer
 * its to run.
 */
async function handOver(boss: PgBoss, tx: Tx, run: PgBoss.JobWithMetadata<SuggestionRunData>, jobId: string, nextRunId: string, sendOptions: JobQueue["sendOptions"]): Promise<void> {
  const db = sqlInTransaction(tx);
  await boss.complete(SUGGESTIONS_QUEUE, run.id, { outcome: "continued", nextRunId }, { db });
  await boss.cancel(SUGGESTIONS_QUEUE, run.id, { db });
  const data: SuggestionRunData = { dossierId: run.data.dossierId, jobId };
  const sent = await boss.send(SUGGESTIONS_QUEUE, data, { id: nextRunId, singletonKey: run.data.dossierId, ...sendOptions, db });
  // Only a newer refresh can hold the dossier's place in the queue, and it would have cancelled the job.
  if (sent === null) throw new Error("The job could not be handed over: another refresh of the dossier is queued.");
}

/**
 * Records a failed run: pg-boss retries it after a delay while retries remain (the job shows as
 * queued with the error), else the job has failed. Done here rather than by throwing to pg-boss,
 * which would record the failure without waiting for it, perhaps after the database closed. A run
 * that no longer holds the job leaves the job as it is.
 */
async function failRun(
  ready: ReadyDatabase,
  boss: PgBoss,
  queue: string,
  run: PgBoss.JobWithMetadata,
  jobId: string,
  error: Error,
  // A one-off job's run holds it under its attempt, and may know that retrying cannot help.
  task: { attempts?: number; final?: boolean } = {},
): Promise<void> {
  const final = task.final || run.retryCount >= run.retryLimit;
  const message = error.message.slice(0, 500) || "The job failed.";
  // The run's failure and the job's state are recorded together: a crash between them would
  // leave the job shown as running with no run left to end it.
  await ready.prisma.$transaction(async (tx) => {
    const db = sqlInTransaction(tx);
    // A final failure is not retried by the queue either: the run is failed, then its retry cancelled.
    await boss.fail(queue, run.id, { message }, { db });
    if (final && run.retryCount < run.retryLimit) await boss.cancel(queue, run.id, { db });
    const row = await tx.job.findUnique({ where: { id: jobId }, select: { dossierId: true } });
    const { count } = await tx.job.updateMany({
      where: { id: jobId, runId: run.id, state: "running", ...(task.attempts === undefined ? {} : { attempts: task.attempts }) },
      data: final ? { state: "failed", error: message, finishedAt: new Date() } : { state: "queued", error: message },
    });
    // A job that has failed for good reads its input no more.
    if (final && count > 0) await tx.jobFile.deleteMany({ where: { jobId, role: "input" } });
    if (row && count > 0) await notifyDossier(tx, jobMessage(row.dossierId, jobId, final ? "job.failed" : "job.progress"));
  });
}

/**
 * Brings the jobs shown as queued or running in line with their runs, at start:
 * - a run the queue has ended without the job (pg-boss fails a run on its own when it expires
 *   with no retry left, its process having died on every try, and archives old runs) leaves the
 *   job with no run to end it: it is marked failed;
 * - with `retryActive` (the embedded database, which one process holds), a run still active was
 *   left by a killed process: it goes back to the queue.
 */
async function settlePendingJobs(ready: ReadyDatabase, boss: PgBoss, options: { retryActive: boolean }): Promise<void> {
  const pending = await ready.prisma.job.findMany({ where: { state: { in: ["queued", "running"] } }, select: { id: true, runId: true, dossierId: true, kind: true } });
  for (const job of pending) {
    const queue = queueOfKind(job.kind);
    const run = await boss.getJobById(queue, job.runId);
    if (run?.state === "active") {
      if (options.retryActive) await failRun(ready, boss, queue, run as PgBoss.JobWithMetadata, job.id, new Error("The app stopped during the job."));
      continue;
    }
    if (run && !["failed", "cancelled", "completed"].includes(run.state)) continue;
    const error = run?.state === "failed" ? "The job's last try ended without finishing it." : "The job's run is gone from the queue.";
    await ready.prisma.$transaction(async (tx) => {
      const { count } = await tx.job.updateMany({
        where: { id: job.id, runId: job.runId, state: { in: ["queued", "running"] } },
        data: { state: "failed", error, finishedAt: new Date() },
      });
      if (count > 0) await notifyDossier(tx, jobMessage(job.dossierId, job.id, "job.failed"));
    });
  }
}
