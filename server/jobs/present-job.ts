// What leaves the server about a background job: its progress, timing and an estimate of the time left.
import type { JobState, Prisma } from "../generated/prisma/client.ts";
import { JOB_FILE_TTL_MS } from "./job-settings.ts";

/** A job as the API and the reader show it. */
export interface JobView {
  id: string;
  kind: string;
  /** What it does, in words: "Suggesting spans for 2,000 claims". */
  label: string;
  /** What `done` and `total` count: claims aligned, or the steps of an import or an export. */
  unit: "claims" | "steps";
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
  /** What a running import or export is doing now ("Reading the input", "Writing the file"), else null. */
  step: string | null;
  /** A finished export's file: where to download it, its name and size in bytes; null after a day. */
  file: { url: string; filename: string; bytes: number } | null;
  /** A finished import's document and version. */
  document: { documentId: string; versionId: string } | null;
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
  payload?: Prisma.JsonValue;
  result?: Prisma.JsonValue;
}

/** The job's view at `now`. */
export function presentJob(job: JobRow, now = new Date()): JobView {
  return {
    id: job.id,
    kind: job.kind,
    label: labelOf(job),
    unit: job.kind === "suggestions" ? "claims" : "steps",
    state: job.state,
    done: job.done,
    total: job.total,
    attempts: job.attempts,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    etaSeconds: etaOf(job, now),
    step: stepOf(job),
    file: fileOf(job, now),
    document: documentOf(job),
  };
}

/** The steps of a one-off job, in the order its handler counts them. */
const STEPS: Record<string, readonly string[]> = {
  import: ["Reading the input", "Storing it and re-anchoring"],
  export: ["Reading the dossier", "Writing the file"],
};

function stepOf(job: JobRow): string | null {
  if (job.state !== "running") return null;
  return STEPS[job.kind]?.[job.done] ?? null;
}

function fieldsOf(value: Prisma.JsonValue | undefined): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function fileOf(job: JobRow, now: Date): JobView["file"] {
  const result = fieldsOf(job.result);
  if (job.kind !== "export" || job.state !== "done" || typeof result.filename !== "string") return null;
  // The file is kept for a day.
  if (job.finishedAt && job.finishedAt.getTime() < now.getTime() - JOB_FILE_TTL_MS) return null;
  return { url: `/api/v1/jobs/${job.id}/file`, filename: result.filename, bytes: Number(result.bytes) || 0 };
}

function documentOf(job: JobRow): JobView["document"] {
  const result = fieldsOf(job.result);
  if (job.kind !== "import" || typeof result.documentId !== "string" || typeof result.versionId !== "string") return null;
  return { documentId: result.documentId, versionId: result.versionId };
}

function labelOf(job: JobRow): string {
  const label = fieldsOf(job.payload).label;
  if (job.kind !== "suggestions" && typeof label === "string") return label;
  const count = `${job.total.toLocaleString("en-US")} ${job.total === 1 ? "claim" : "claims"}`;
  return job.kind === "suggestions" ? `Suggesting spans for ${count}` : `${job.kind} (${count})`;
}

function etaOf(job: JobRow, now: Date): number | null {
  if (job.state !== "running" || !job.startedAt || job.done === 0 || job.done >= job.total) return null;
  const elapsed = (now.getTime() - job.startedAt.getTime()) / 1000;
  return Math.max(0, Math.round((elapsed / job.done) * (job.total - job.done)));
}
