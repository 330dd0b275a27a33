// Runs one queued suggestion refresh: claims aligned and stored a batch per transaction, progress kept with each batch.
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "../db.ts";
import { jobMessage } from "../jobs/job-message.ts";
import { JOB_EXPIRY_SECONDS, JOB_SLICE_SECONDS, SUGGESTION_BATCH_SIZE } from "../jobs/job-settings.ts";
import { notifyDossier } from "../live/notify-dossier.ts";
import { alignSuggestions, prepareSuggestionSources, readSuggestionInputs, storeSuggestions } from "./refresh-suggestions.ts";

/**
 * How a run ended: every claim done; the rest handed over to a new run; the job cancelled or
 * superseded; the job held by another run (this one was taken for dead and retried, or already
 * handed over); or the process stopping with no queue to hand over to.
 */
export type SuggestionJobOutcome = "done" | "continued" | "cancelled" | "stale" | "interrupted";

/** Options of one run. */
/** How long one batch's transaction may take: a slice and one batch together stay under the expiry of a run. */
const BATCH_TIMEOUT_MS = Math.max(10, JOB_EXPIRY_SECONDS - JOB_SLICE_SECONDS) * 1000 * 0.75;

export interface SuggestionJobRun {
  /** The queue's id of this run (default: the run that holds the job). Only the run that holds the job stores batches. */
  runId?: string;
  /** False when the run continues where the previous one handed over (not a new attempt); default true. */
  newAttempt?: boolean;
  batchSize?: number;
  /** How long the run stores batches before it hands the rest over with `handOver` (default: no limit). */
  sliceMs?: number;
  /**
   * Queues the run `nextRunId` that continues the job and ends this run in the queue, inside the
   * transaction that stores this run's last batch (so either both happen or neither does).
   */
  handOver?: (tx: Tx, nextRunId: string) => Promise<void>;
  /** Ends this run in the queue, inside the transaction that stores the job's last batch. */
  finish?: (tx: Tx) => Promise<void>;
  /** Aborted when the process stops: the run ends between batches, handing the rest over. */
  signal?: AbortSignal;
  /** Called before each batch is stored, with the claims done so far (tests make a batch fail or stall here). */
  beforeBatch?: (done: number) => void | Promise<void>;
}

// Thrown inside a batch's transaction to roll it back when the job was cancelled or taken over meanwhile.
class JobEnded extends Error {}

/**
 * Runs the suggestion job `jobId`: aligns its dossier's live claims in briefing order, a batch at
 * a time, and stores each batch with the job's progress in one transaction, so readers see the
 * suggestions as they land. A run resumes after the last stored batch. A batch replaces the
 * suggested links of its own claims only, so running a job again changes nothing more.
 *
 * Each batch's last statement moves the progress from where this run found it, and only while
 * the job is still running and held by this run: a batch computed while the job was cancelled,
 * superseded, or taken over by another run (this one having been taken for dead) is rolled back.
 * After `sliceMs` the batch being stored also hands the job over to a new run, so that no run
 * lasts long and a dead one is retried soon.
 */
export async function runSuggestionJob(db: Db, jobId: string, run: SuggestionJobRun = {}): Promise<SuggestionJobOutcome> {
  const sliceStart = Date.now();
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job || job.state === "done" || job.state === "cancelled") return job?.state === "done" ? "done" : "cancelled";
  const runId = run.runId ?? job.runId;
  if (job.runId !== runId) return "stale";
  const { claims, versions } = await readSuggestionInputs(db, job.dossierId);
  const total = claims.length;
  let done = job.total === total ? Math.min(job.done, total) : 0;
  const started = await db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      // Guarded by the progress this run read too: a run that was taken for dead but still works
      // may have stored a batch meanwhile, and this one must not set the progress back.
      where: { id: jobId, runId, done: job.done, state: { in: ["queued", "running", "failed"] } },
      data: {
        state: "running",
        ...(run.newAttempt === false ? {} : { attempts: { increment: 1 } }),
        startedAt: job.startedAt ?? new Date(),
        total,
        done,
        error: null,
      },
    });
    if (count > 0) await notifyDossier(tx, jobMessage(job.dossierId, jobId, "job.progress"));
    return count > 0;
  });
  if (!started) return endedOutcome(db, jobId);

  const size = Math.max(1, run.batchSize ?? SUGGESTION_BATCH_SIZE);
  // The sources are indexed once per run; every batch aligns against the same index.
  const prepared = prepareSuggestionSources(versions);
  try {
    do {
      // PGlite answers without real I/O, so a run would otherwise be one chain of promises that
      // keeps the process from serving requests until it ends: let them in between batches.
      await new Promise((resolve) => setImmediate(resolve));
      if (run.signal?.aborted) {
        if (!run.handOver) return "interrupted";
        // Stopping: the next run takes over from the last stored batch, without waiting for expiry.
        return (await handOverAt(db, jobId, runId, done, run.handOver)) ? "continued" : endedOutcome(db, jobId);
      }
      const batch = claims.slice(done, done + size);
      const alignments = alignSuggestions(batch, prepared);
      await run.beforeBatch?.(done);
      const next = done + batch.length;
      const first = done === 0;
      const finished = next >= total;
      const nextRunId = !finished && run.handOver && Date.now() - sliceStart >= (run.sliceMs ?? Infinity) ? randomUUID() : null;
      await db.$transaction(
        async (tx) => {
          // Retired claims lose their suggestions too, as in a refresh made in the request.
          if (first) await tx.link.deleteMany({ where: { claim: { dossierId: job.dossierId, retiredAt: { not: null } }, state: "suggested" } });
          await storeSuggestions(tx, versions, alignments);
          // After the suggestions, so that a cancel waits for no lock this batch holds but this row.
          const { count } = await tx.job.updateMany({
            where: { id: jobId, state: "running", runId, done },
            data: { done: next, ...(finished ? { state: "done", finishedAt: new Date() } : {}), ...(nextRunId ? { runId: nextRunId } : {}) },
          });
          if (count === 0) throw new JobEnded();
          if (nextRunId) await run.handOver!(tx, nextRunId);
          // The run ends in the queue with the job: a crash after this commit leaves no active run
          // holding the dossier's place in the queue.
          if (finished) await run.finish?.(tx);
          await notifyDossier(tx, jobMessage(job.dossierId, jobId, finished ? "job.finished" : "job.progress"));
        },
        // A batch ends well before its run could expire (a slice plus one batch stays under the
        // expiry), so a slow run is never taken for dead while it is still storing.
        { timeout: BATCH_TIMEOUT_MS },
      );
      done = next;
      if (nextRunId) return "continued";
    } while (done < total);
  } catch (error) {
    if (error instanceof JobEnded) return endedOutcome(db, jobId);
    throw error;
  }
  return "done";
}

/** Hands the job over to a new run at `done`, storing nothing: when the process stops between batches. */
async function handOverAt(db: Db, jobId: string, runId: string, done: number, handOver: NonNullable<SuggestionJobRun["handOver"]>): Promise<boolean> {
  const nextRunId = randomUUID();
  return db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({ where: { id: jobId, state: "running", runId, done }, data: { runId: nextRunId } });
    if (count > 0) await handOver(tx, nextRunId);
    return count > 0;
  });
}

/** Why the job no longer takes this run's batches: it was cancelled or superseded, or another run holds it. */
async function endedOutcome(db: Db, jobId: string): Promise<SuggestionJobOutcome> {
  const job = await db.job.findUnique({ where: { id: jobId }, select: { state: true } });
  return !job || job.state === "cancelled" ? "cancelled" : job.state === "done" ? "done" : "stale";
}
