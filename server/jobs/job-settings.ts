// The job queue's names and limits: one place for the figures the README quotes.
import { StartupError } from "../db/startup-error.ts";

/** The pg-boss queue of suggestion refreshes. */
export const SUGGESTIONS_QUEUE = "suggestions";

/** The PostgreSQL schema pg-boss keeps its tables in (apart from the app's, which Prisma owns). */
export const JOB_SCHEMA = "pgboss";

/**
 * Claims × characters of source text up to which suggestions are computed inside the request
 * that changed the dossier (about a tenth of a second of alignment here); above it they are
 * computed by a background job. Set `SUGGESTION_SYNC_BUDGET` to change it (0 sends every
 * refresh to the queue).
 */
export const SYNC_SUGGESTION_BUDGET = 5_000_000;

/** Claims aligned and stored per transaction by a job: the results appear a batch at a time. */
export const SUGGESTION_BATCH_SIZE = 100;

/** Retries after a failed run: the first after 5–10 s (`RETRY_DELAY_SECONDS` to twice it), each next one twice as late. */
export const RETRY_LIMIT = 3;
export const RETRY_DELAY_SECONDS = 5;

/**
 * A run still active after this long is taken for dead (its process was killed) and retried by
 * any instance. Runs are kept well below it: see `JOB_SLICE_SECONDS`.
 */
export const JOB_EXPIRY_SECONDS = 60;

/**
 * A run stores batches for about this long, then hands the rest of the job over to a new run (in
 * the transaction of its last batch) and ends. A batch started before the slice ran out is still
 * stored, so a run lasts the slice plus one batch: far below `JOB_EXPIRY_SECONDS`.
 */
export const JOB_SLICE_SECONDS = 20;

/** How often pg-boss looks for expired runs (among its other upkeep); one instance does it per interval. */
export const JOB_MAINTENANCE_SECONDS = 15;

/** The budget `SUGGESTION_SYNC_BUDGET` sets, or the default; a bad value stops the start with a `StartupError`. */
export function readSyncBudget(value: string | undefined): number {
  return readWholeNumber("SUGGESTION_SYNC_BUDGET", value, SYNC_SUGGESTION_BUDGET, 0);
}

/** The batch size `SUGGESTION_BATCH_SIZE` sets (1 or more), or the default. */
export function readBatchSize(value: string | undefined): number {
  return readWholeNumber("SUGGESTION_BATCH_SIZE", value, SUGGESTION_BATCH_SIZE, 1);
}

function readWholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    throw new StartupError(`${name} must be a whole number, ${min} or more (it is "${value}")`, "fix it or unset it");
  }
  return n;
}
