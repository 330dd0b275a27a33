// Starts the job queue (pg-boss) over the process's open database and this process's worker.
import PgBoss from "pg-boss";
import type { ReadyDatabase } from "../db/process-database.ts";
import { notifyDossier } from "../live/notify-dossier.ts";
import { runSuggestionJob, type SuggestionJobRun } from "../suggestions/run-suggestion-job.ts";
import { jobMessage } from "./job-message.ts";
import { JOB_EXPIRY_SECONDS, JOB_SCHEMA, RETRY_DELAY_SECONDS, RETRY_LIMIT, SUGGESTIONS_QUEUE, SYNC_SUGGESTION_BUDGET } from "./job-settings.ts";

/** A running queue: pg-boss, the options jobs are sent with, and how to stop it. */
export interface JobQueue {
  boss: PgBoss;
  /** Claims × source characters up to which suggestions are computed in the request. */
  syncBudget: number;
  /** Retry and expiry options every job is sent with. */
  sendOptions: Pick<PgBoss.SendOptions, "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds">;
  /** Stops the worker (a running job ends after its batch and is retried later) and pg-boss. */
  stop(): Promise<void>;
}

/** Options of `startJobQueue`; the defaults are the app's. */
export interface JobQueueOptions {
  syncBudget?: number;
  /** Run this process's worker (default true); false only queues. */
  work?: boolean;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How often an idle worker looks for a job (default 1 s). */
  pollingIntervalSeconds?: number;
  batchSize?: SuggestionJobRun["batchSize"];
  beforeBatch?: (jobId: string, done: number) => void | Promise<void>;
}

/**
 * Starts pg-boss on the open database — over the PostgreSQL pool, or over PGlite's one connection
 * (where this process is the only one: every job runs here) — creating its schema on first use,
 * and works the suggestion queue one job at a time. On the embedded database a job left running
 * by a killed process is retried at once: no other process can be running it.
 */
export async function startJobQueue(ready: ReadyDatabase, options: JobQueueOptions = {}): Promise<JobQueue> {
  const { prisma, database } = ready;
  const executeSql = database.executeSql;
  if (!executeSql) throw new Error("This database cannot host the job queue.");
  const sendOptions = {
    retryLimit: options.retryLimit ?? RETRY_LIMIT,
    retryDelay: options.retryDelaySeconds ?? RETRY_DELAY_SECONDS,
    retryBackoff: true,
    expireInSeconds: JOB_EXPIRY_SECONDS,
  };
  const boss = new PgBoss({
    db: { executeSql: (text, values) => executeSql(text, values) },
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: true,
    schedule: false,
    ...sendOptions,
  });
  boss.on("error", (error: Error) => console.error(`Job queue: ${error.message}`));
  await boss.start();
  await boss.createQueue(SUGGESTIONS_QUEUE, { name: SUGGESTIONS_QUEUE, policy: "stately", ...sendOptions });
  if (database.config.kind === "pglite") await retryInterrupted(ready, boss);

  const stopping = new AbortController();
  if (options.work ?? true) {
    await boss.work<{ dossierId: string }>(
      SUGGESTIONS_QUEUE,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async ([job]) => {
        try {
          const outcome = await runSuggestionJob(prisma, job.id, {
            batchSize: options.batchSize,
            signal: stopping.signal,
            beforeBatch: options.beforeBatch && ((done) => options.beforeBatch!(job.id, done)),
          });
          // Stopping: give the job back to the queue now rather than when it would expire.
          if (outcome === "interrupted") await failRun(ready, boss, job, new Error("The app stopped during the job."));
          return { outcome };
        } catch (error) {
          await failRun(ready, boss, job, error as Error);
          return { outcome: "failed" };
        }
      },
    );
  }
  return {
    boss,
    syncBudget: options.syncBudget ?? SYNC_SUGGESTION_BUDGET,
    sendOptions,
    async stop() {
      stopping.abort();
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}

/**
 * Records a failed run: pg-boss retries it after a delay while retries remain (the job shows as
 * queued with the error), else the job has failed. Done here rather than by throwing to pg-boss,
 * which would record the failure without waiting for it, perhaps after the database closed.
 */
async function failRun(ready: ReadyDatabase, boss: PgBoss, job: PgBoss.JobWithMetadata, error: Error): Promise<void> {
  const final = job.retryCount >= job.retryLimit;
  const message = error.message.slice(0, 500) || "The job failed.";
  await boss.fail(SUGGESTIONS_QUEUE, job.id, { message });
  await ready.prisma.$transaction(async (tx) => {
    const row = await tx.job.findUnique({ where: { id: job.id }, select: { dossierId: true } });
    const { count } = await tx.job.updateMany({
      where: { id: job.id, state: "running" },
      data: final ? { state: "failed", error: message, finishedAt: new Date() } : { state: "queued", error: message },
    });
    if (row && count > 0) await notifyDossier(tx, jobMessage(row.dossierId, job.id, final ? "job.failed" : "job.progress"));
  });
}

/** Jobs a killed process left running on the embedded database go back to the queue. */
async function retryInterrupted(ready: ReadyDatabase, boss: PgBoss): Promise<void> {
  const running = await ready.prisma.job.findMany({ where: { state: "running" }, select: { id: true } });
  for (const { id } of running) {
    const job = await boss.getJobById(SUGGESTIONS_QUEUE, id);
    if (job?.state === "active") await failRun(ready, boss, job as PgBoss.JobWithMetadata, new Error("The app stopped during the job."));
  }
}
