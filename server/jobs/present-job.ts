// What leaves the server about a background job: its progress, timing and an estimate of the time left.
import type { JobState } from "../generated/prisma/client.ts";

/** A job as the API and the reader show it. */
export interface JobView {
  id: string;
  kind: string;
  /** What it does, in words: "Suggesting spans for 2,000 claims". */
  label: string;
  state: JobState;
  done: number;
  total: number;
  /** Runs started (more than 1 after a retry). */
  attempts: number;
  /** Why the last run failed, or why the job was cancelled. */
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Seconds left at the pace so far; null until a batch has landed, or once it has ended. */
  etaSeconds: number | null;
}

interface JobRow {
  id: string;
  kind: string;
  state: JobState;
  done: number;
  total: number;
  attempts: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** The job's view at `now`. */
export function presentJob(job: JobRow, now = new Date()): JobView {
  return {
    id: job.id,
    kind: job.kind,
    label: labelOf(job),
    state: job.state,
    done: job.done,
    total: job.total,
    attempts: job.attempts,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    etaSeconds: etaOf(job, now),
  };
}

function labelOf(job: JobRow): string {
  const count = `${job.total.toLocaleString("en-US")} ${job.total === 1 ? "claim" : "claims"}`;
  return job.kind === "suggestions" ? `Suggesting spans for ${count}` : `${job.kind} (${count})`;
}

function etaOf(job: JobRow, now: Date): number | null {
  if (job.state !== "running" || !job.startedAt || job.done === 0 || job.done >= job.total) return null;
  const elapsed = (now.getTime() - job.startedAt.getTime()) / 1000;
  return Math.max(0, Math.round((elapsed / job.done) * (job.total - job.done)));
}
