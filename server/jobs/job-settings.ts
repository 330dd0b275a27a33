// The job queue's names and limits: one place for the figures the README quotes.
import { readWholeNumber } from "../read-whole-number.ts";

/** The pg-boss queue of suggestion refreshes. */
export const SUGGESTIONS_QUEUE = "suggestions";

/** The pg-boss queue of one-off jobs: imports and exports. */
export const TASKS_QUEUE = "tasks";

/** The queue that runs jobs of `kind`. */
export function queueOfKind(kind: string): string {
  return kind === "suggestions" ? SUGGESTIONS_QUEUE : TASKS_QUEUE;
}

/**
 * A one-off job is not cut into slices: a run still active after this long is taken for dead.
 * An import fetches for 15 s at most and stores 5 MB of text in well under a minute here.
 */
export const TASK_EXPIRY_SECONDS = 300;

/**
 * Bytes of pasted text or uploaded file up to which a new source or version is imported inside
 * the request (about half a second here, search passages and re-anchoring included); larger ones,
 * and every URL, are imported by a background job. Set `IMPORT_SYNC_BYTES` to change it.
 */
export const IMPORT_SYNC_BYTES = 256 * 1024;

/**
 * Claims and links together up to which an export is written inside the request (well under a
 * second); above it by a job. Set `EXPORT_SYNC_ITEMS` to change it (0 sends every export to the queue).
 */
export const EXPORT_SYNC_ITEMS = 1_000;

/**
 * How long a finished export's file can be downloaded. A job's input file is deleted when the job
 * ends (done, failed for good, cancelled); one left by a job that never ended goes after a day too.
 */
export const JOB_FILE_TTL_MS = 24 * 60 * 60 * 1000;

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

/** The budget `IMPORT_SYNC_BYTES` sets (0 sends every import to the queue), or the default. */
export function readImportSyncBytes(value: string | undefined): number {
  return readWholeNumber("IMPORT_SYNC_BYTES", value, IMPORT_SYNC_BYTES, 0);
}

/** The limit `EXPORT_SYNC_ITEMS` sets, or the default. */
export function readExportSyncItems(value: string | undefined): number {
  return readWholeNumber("EXPORT_SYNC_ITEMS", value, EXPORT_SYNC_ITEMS, 0);
}

/** The batch size `SUGGESTION_BATCH_SIZE` sets (1 or more), or the default. */
export function readBatchSize(value: string | undefined): number {
  return readWholeNumber("SUGGESTION_BATCH_SIZE", value, SUGGESTION_BATCH_SIZE, 1);
}
