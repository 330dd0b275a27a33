// Runs one queued suggestion refresh: claims aligned and stored a batch per transaction, progress kept with each batch.
import type { Db } from "../db.ts";
import { jobMessage } from "../jobs/job-message.ts";
import { SUGGESTION_BATCH_SIZE } from "../jobs/job-settings.ts";
import { notifyDossier } from "../live/notify-dossier.ts";
import { alignSuggestions, prepareSuggestionSources, readSuggestionInputs, storeSuggestions } from "./refresh-suggestions.ts";

/** How a run ended: every claim done, the job cancelled or superseded, or the process stopping. */
export type SuggestionJobOutcome = "done" | "cancelled" | "interrupted";

/** Options of one run. */
export interface SuggestionJobRun {
  batchSize?: number;
  /** Aborted when the process stops: the run ends between batches, to be retried. */
  signal?: AbortSignal;
  /** Called before each batch is stored, with the claims done so far (tests make a batch fail here). */
  beforeBatch?: (done: number) => void | Promise<void>;
}

// Thrown inside a batch's transaction to roll it back when the job was cancelled meanwhile.
class JobEnded extends Error {}

/**
 * Runs the suggestion job `jobId`: aligns its dossier's live claims in briefing order, a batch at
 * a time, and stores each batch with the job's progress in one transaction, so readers see the
 * suggestions as they land. A retried run resumes after the last stored batch. A batch replaces
 * the suggested links of its own claims only, so running a job again changes nothing more. A job
 * cancelled (or superseded by a newer refresh) while a batch was computed stores nothing more:
 * the batch's last statement checks the job is still running, and rolls the batch back if not.
 */
export async function runSuggestionJob(db: Db, jobId: string, run: SuggestionJobRun = {}): Promise<SuggestionJobOutcome> {
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job || job.state === "done" || job.state === "cancelled") return job?.state === "done" ? "done" : "cancelled";
  const { claims, versions } = await readSuggestionInputs(db, job.dossierId);
  const total = claims.length;
  let done = job.total === total ? Math.min(job.done, total) : 0;
  const started = await db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: jobId, state: { in: ["queued", "running", "failed"] } },
      data: { state: "running", attempts: { increment: 1 }, startedAt: job.startedAt ?? new Date(), total, done, error: null },
    });
    if (count > 0) await notifyDossier(tx, jobMessage(job.dossierId, jobId, "job.progress"));
    return count > 0;
  });
  if (!started) return "cancelled";

  const size = Math.max(1, run.batchSize ?? SUGGESTION_BATCH_SIZE);
  // The sources are indexed once per run; every batch aligns against the same index.
  const prepared = prepareSuggestionSources(versions);
  try {
    do {
      // PGlite answers without real I/O, so a run would otherwise be one chain of promises that
      // keeps the process from serving requests until it ends: let them in between batches.
      await new Promise((resolve) => setImmediate(resolve));
      if (run.signal?.aborted) return "interrupted";
      const batch = claims.slice(done, done + size);
      const alignments = alignSuggestions(batch, prepared);
      await run.beforeBatch?.(done);
      const next = done + batch.length;
      const first = done === 0;
      await db.$transaction(
        async (tx) => {
          // Retired claims lose their suggestions too, as in a refresh made in the request.
          if (first) await tx.link.deleteMany({ where: { claim: { dossierId: job.dossierId, retiredAt: { not: null } }, state: "suggested" } });
          await storeSuggestions(tx, versions, alignments);
          const finished = next >= total;
          // Last, so that a cancel waits for no lock this batch holds but this row.
          const { count } = await tx.job.updateMany({
            where: { id: jobId, state: "running" },
            data: finished ? { done: next, state: "done", finishedAt: new Date() } : { done: next },
          });
          if (count === 0) throw new JobEnded();
          await notifyDossier(tx, jobMessage(job.dossierId, jobId, finished ? "job.finished" : "job.progress"));
        },
        { timeout: 120_000 },
      );
      done = next;
    } while (done < total);
  } catch (error) {
    if (error instanceof JobEnded) return "cancelled";
    throw error;
  }
  return "done";
}
