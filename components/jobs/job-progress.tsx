"use client";
// A compact strip above the reader for each queued or running background job of the dossier: what it does, how far, time left, Cancel.
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import type { ListedJob } from "@/server/jobs/list-dossier-jobs.ts";
import type { JobView } from "@/server/jobs/present-job.ts";
import { sendJson } from "../reader/send-json.ts";
import { startDownload, takeWaitingDownload } from "./start-download.ts";

/** Reads coming closer together than this are gathered into one. */
const GATHER_MS = 300;
/** While a job is active the list is also read this often, should a live message be missed. */
const POLL_MS = 5_000;

/** "about 40 s left", "about 3 min left", "about 1 h 5 min left". */
export function formatTimeLeft(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/** What a job that just ended well says, with its file's link for an export. */
function endedMessage(job: JobView): ReactNode {
  if (job.kind === "suggestions") return `Suggestions are ready for ${job.total.toLocaleString("en-US")} claims.`;
  if (job.file) {
    return (
      <>
        Export ready:{" "}
        <a href={job.file.url} download={job.file.filename} className="underline">
          download {job.file.filename}
        </a>{" "}
        ({formatBytes(job.file.bytes)}).
      </>
    );
  }
  return `Done: ${job.label.replace(/^Importing/, "imported")}.`;
}

/** "820 KB", "3.4 MB". */
function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function statusOf(job: JobView): string {
  if (job.state === "queued") return job.error ? "Retrying after an error" : "Waiting to start";
  if (job.step) return job.etaSeconds !== null ? `${job.step}, ${formatTimeLeft(job.etaSeconds)}` : `${job.step}…`;
  if (job.etaSeconds !== null) return formatTimeLeft(job.etaSeconds);
  return "Estimating the time left";
}

/**
 * The dossier's active jobs. It reads them again whenever `version` changes — the reader passes
 * its view, which it reads again on every live message, a job's batches included — and every few
 * seconds while a job is active. Renders nothing when no job is active.
 */
export function JobProgress({ dossierId, version, readAt, onEnded }: { dossierId: string; version: unknown; readAt?: string; onEnded?: () => void }) {
  const [jobs, setJobs] = useState<ListedJob[]>([]);
  const [message, setMessage] = useState<ReactNode>(null);
  const active = useRef(new Set<string>());
  const seenEnded = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const read = useCallback(async () => {
    timer.current = null;
    const result = await sendJson<{ jobs: ListedJob[]; canCancel: boolean }>("GET", `/api/v1/dossiers/${dossierId}/jobs`);
    if (!result.ok) return;
    const now = result.data.jobs.filter((j) => j.state === "queued" || j.state === "running");
    // A job that ended after the page's dossier was read, or that this strip saw running, may have
    // changed what the reader shows (an import's new source or version, suggestions; not an export);
    // its live message may have come before the page listened. The reader reads the dossier again.
    const ended = result.data.jobs.filter((j) => j.finishedAt && !seenEnded.current.has(j.id) && (active.current.has(j.id) || (readAt !== undefined && j.finishedAt > readAt)));
    for (const job of ended) seenEnded.current.add(job.id);
    if (ended.some((j) => j.kind !== "export")) onEnded?.();
    for (const job of result.data.jobs) {
      // An export this page waits for may end before a read sees it active: it is told all the same.
      const waited = job.state !== "queued" && job.state !== "running" && takeWaitingDownload(job.id);
      if (waited && job.file) startDownload(job.file.url, job.file.filename);
      if (!waited && !active.current.has(job.id)) continue;
      if (job.state === "done") setMessage(endedMessage(job));
      if (job.state === "failed") setMessage(`${job.label} failed: ${job.error ?? "the job failed"}`);
    }
    active.current = new Set(now.map((j) => j.id));
    setJobs(now);
  }, [dossierId, readAt, onEnded]);

  const first = useRef(true);
  // `version` is only the signal to read again.
  useEffect(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => void read(), first.current ? 0 : GATHER_MS);
    first.current = false;
  }, [version, read]);

  useEffect(() => {
    if (!message) return;
    const clear = setTimeout(() => setMessage(null), 8_000);
    return () => clearTimeout(clear);
  }, [message]);

  useEffect(() => {
    if (jobs.length === 0) return;
    const poll = setInterval(() => void read(), POLL_MS);
    return () => clearInterval(poll);
  }, [jobs.length, read]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const cancel = async (job: JobView) => {
    const result = await sendJson<JobView>("POST", `/api/v1/jobs/${job.id}/cancel`);
    setMessage(result.ok ? (job.kind === "suggestions" ? "Cancelled. The suggestions stored so far stay." : `Cancelled: ${job.label}.`) : result.error.message);
    await read();
  };

  return (
    <div data-jobs>
      {jobs.map((job) => (
        <div key={job.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-rule bg-accent-soft px-5 py-1.5 text-sm" data-job-id={job.id}>
          <span className="font-medium">{job.label}</span>
          <div
            role="progressbar"
            aria-label={job.label}
            aria-valuemin={0}
            aria-valuemax={job.total}
            aria-valuenow={job.done}
            aria-valuetext={`${job.done.toLocaleString("en-US")} of ${job.total.toLocaleString("en-US")} ${job.unit}`}
            className="h-1.5 w-40 overflow-hidden rounded bg-rule"
          >
            <div className="h-full bg-accent transition-[width]" style={{ width: `${job.total === 0 ? 0 : (100 * job.done) / job.total}%` }} />
          </div>
          <span className="tabular-nums">
            {job.done.toLocaleString("en-US")} of {job.total.toLocaleString("en-US")}
          </span>
          <span className="text-muted">{statusOf(job)}</span>
          {job.canCancel ? (
            <button type="button" onClick={() => void cancel(job)} className="rounded border border-rule bg-bg px-2 py-0.5 text-sm hover:border-accent">
              Cancel
            </button>
          ) : null}
        </div>
      ))}
      <p role="status" className={message ? "px-5 py-1 text-sm text-muted" : "sr-only"}>
        {message}
      </p>
    </div>
  );
}
