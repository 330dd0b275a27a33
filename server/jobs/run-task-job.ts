// Runs one one-off job (an import or an export): prepares its work, then stores the result and ends the job in one transaction.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Db, Tx } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { notifyDossier } from "../live/notify-dossier.ts";
import { jobMessage } from "./job-message.ts";
import { TASK_EXPIRY_SECONDS } from "./job-settings.ts";

/** A job as its handler sees it. */
export interface TaskJob {
  id: string;
  dossierId: string;
  payload: Prisma.JsonValue;
  createdById: string | null;
}

/** What a handler is given besides the job. */
export interface TaskContext {
  /** Records how far the job got (`done` of `total` steps) while this run still holds it. */
  progress(done: number, total: number): Promise<void>;
}

/**
 * Prepares a job's work outside any transaction (fetching, reading, writing a file) and returns
 * what stores it: called inside the transaction that ends the job, it returns the job's result.
 */
export type TaskHandler = (db: Db, job: TaskJob, context: TaskContext) => Promise<(tx: Tx) => Promise<Prisma.InputJsonValue>>;

/** How a run ended: the job done; cancelled meanwhile; or held by a newer attempt (this run was taken for dead). */
export type TaskOutcome = "done" | "cancelled" | "stale";

/** Options of one run. */
export interface TaskRun {
  /** Ends this run in the queue, inside the transaction that ends the job. */
  finish?: (tx: Tx) => Promise<void>;
}

/**
 * A run that failed, with the attempt it ran as (only that attempt may record the failure) and
 * whether retrying cannot help: an `AppError` (the input is not valid, the page is refused) is
 * final. The handler's error is its `cause`.
 */
export class TaskFailure extends Error {
  constructor(
    message: string,
    readonly attempt: number,
    readonly final: boolean,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

// Thrown inside the closing transaction to roll it back when the job was cancelled or taken over meanwhile.
class JobEnded extends Error {}

/** How long the closing transaction may take: well inside the run's expiry. */
const STORE_TIMEOUT_MS = TASK_EXPIRY_SECONDS * 1000 * 0.5;

/**
 * Runs the job `jobId` with `handler`. The run starts a new attempt (counted in `attempts`, which
 * identifies the run from then on); the handler's progress and its result are stored only while
 * the job is still running under that attempt. The result, the job's end and the run's end in the
 * queue are one transaction, so a crash leaves either nothing (the job is retried from the start)
 * or the whole result (a retry finds the job done): running a job twice stores its result once.
 * An `AppError` from the handler (the input is not valid, the page is refused) is final.
 */
export async function runTaskJob(db: Db, jobId: string, handler: TaskHandler, run: TaskRun = {}): Promise<TaskOutcome> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { id: true, dossierId: true, payload: true, createdById: true, state: true, attempts: true, startedAt: true } });
  if (!job || job.state === "cancelled") return "cancelled";
  if (job.state === "done") return "done";
  const attempt = job.attempts + 1;
  const started = await db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: jobId, attempts: job.attempts, state: { in: ["queued", "running", "failed"] } },
      data: { state: "running", attempts: attempt, startedAt: job.startedAt ?? new Date(), done: 0, error: null },
    });
    if (count > 0) await notifyDossier(tx, jobMessage(job.dossierId, jobId, "job.progress"));
    return count > 0;
  });
  if (!started) return endedOutcome(db, jobId);

  const held = { id: jobId, state: "running" as const, attempts: attempt };
  const context: TaskContext = {
    async progress(done, total) {
      await db.$transaction(async (tx) => {
        const { count } = await tx.job.updateMany({ where: held, data: { done, total } });
        if (count > 0) await notifyDossier(tx, jobMessage(job.dossierId, jobId, "job.progress"));
      });
    },
  };
  try {
    const store = await handler(db, job, context);
    await db.$transaction(
      async (tx) => {
        const result = await store(tx);
        const { count } = await tx.job.updateMany({ where: held, data: { state: "done", result, finishedAt: new Date() } });
        if (count === 0) throw new JobEnded();
        await tx.$executeRaw`UPDATE "Job" SET "done" = "total" WHERE "id" = ${jobId}`;
        await tx.jobFile.deleteMany({ where: { jobId, role: "input" } });
        await run.finish?.(tx);
        await notifyDossier(tx, jobMessage(job.dossierId, jobId, "job.finished"));
      },
      { timeout: STORE_TIMEOUT_MS },
    );
  } catch (error) {
    if (error instanceof JobEnded) return endedOutcome(db, jobId);
    const message = (error as Error).message?.slice(0, 500) || "The job failed.";
    throw new TaskFailure(message, attempt, error instanceof AppError, { cause: error });
  }
  return "done";
}

async function endedOutcome(db: Db, jobId: string): Promise<TaskOutcome> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { state: true } });
  return !job || job.state === "cancelled" ? "cancelled" : job.state === "done" ? "done" : "stale";
}
