// The job queue on the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL): suggestions
// computed by a background job in batches, with progress, retries, cancelling, superseding, a job
// handed over from run to run, a run abandoned by a dead worker and taken over, and a pending job
// that outlives the database being closed and opened again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import type { ReadyDatabase } from "@/server/db/process-database.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { cancelJob } from "@/server/jobs/cancel-job.ts";
import { SUGGESTIONS_QUEUE } from "@/server/jobs/job-settings.ts";
import { setProcessJobQueue } from "@/server/jobs/process-job-queue.ts";
import { startJobQueue, type JobQueue, type JobQueueOptions, type SuggestionRunData } from "@/server/jobs/start-job-queue.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { refreshSuggestions } from "@/server/suggestions/refresh-suggestions.ts";
import { runSuggestionJob } from "@/server/suggestions/run-suggestion-job.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";
import { createMember, exampleWorkspaceId } from "../test-actors.ts";
import { waitForJob } from "./wait-for-job.ts";

// A report carrying some of the example briefing's facts, in a reporter's words.
const report = [
  "The Pentagon has created a special intelligence task force of 140 analysts to analyze surveillance data gathered along the border.",
  "",
  "The Mexican government has deployed 10,000 troops to the border to combat smuggling, officials said on Tuesday.",
].join("\n");

/** The dossier's suggestions, without ids: what a refresh decides. */
async function suggestionsOf(db: Db, dossierId: string) {
  const links = await db.link.findMany({
    where: { claim: { dossierId }, state: "suggested" },
    select: { claimId: true, versionId: true, start: true, end: true, rank: true, score: true },
    orderBy: [{ claimId: "asc" }, { rank: "asc" }],
  });
  const claims = await db.claim.findMany({ where: { dossierId }, select: { id: true, support: true, suggestedVerdict: true }, orderBy: { id: "asc" } });
  return { links, claims };
}

/** Suggested links stored more than once (same claim, version and span): none, whatever runs stored them. */
async function duplicatedSuggestions(db: Db, dossierId: string): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT COUNT(*)::int AS n FROM (
      SELECT 1 FROM "Link" l JOIN "Claim" c ON c.id = l."claimId"
      WHERE c."dossierId" = ${dossierId} AND l.state = 'suggested'
      GROUP BY l."claimId", l."versionId", l.start, l."end" HAVING COUNT(*) > 1
    ) d`;
  return rows[0].n;
}

/** The queue's runs of a job: its first run (the job's own id) and those it was handed over to. */
async function runsOf(db: Db, jobId: string): Promise<{ id: string; state: string }[]> {
  return db.$queryRaw<{ id: string; state: string }[]>`
    SELECT id::text, state::text FROM pgboss.job WHERE id::text = ${jobId} OR data->>'jobId' = ${jobId} ORDER BY created_on`;
}

describe("suggestion jobs", () => {
  let t: TestDatabase;
  let ready: ReadyDatabase;
  let dossierId: string;
  let actor: Actor;
  let total: number;
  let queue: JobQueue | undefined;

  const start = async (options: JobQueueOptions = {}) => {
    queue = await startJobQueue(ready, { syncBudget: 0, batchSize: 4, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, ...options });
    setProcessJobQueue(queue);
    return queue;
  };
  const attach = async () => {
    const added = await addSource(t.db, { actor, dossierId, document: { from: "text", text: report } });
    expect(added.jobId).not.toBeNull();
    return added.jobId!;
  };

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    ready = { prisma: t.db, database: t.database };
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    actor = await createMember(t.db, await exampleWorkspaceId(t.db), "editor");
    total = await t.db.claim.count({ where: { dossierId, retiredAt: null, document: { kind: "briefing" } } });
  });
  afterEach(async () => {
    setProcessJobQueue(undefined);
    await queue?.stop();
    queue = undefined;
  });
  afterAll(async () => t?.drop());

  it("refreshes in the request while the dossier fits the budget", async () => {
    await start({ syncBudget: Number.MAX_SAFE_INTEGER, work: false });
    const added = await addSource(t.db, { actor, dossierId, document: { from: "text", text: "A short note on the weather." } });
    expect(added.jobId).toBeNull();
    expect(await t.db.job.count()).toBe(0);
  });

  it("queues a job above the budget and stores its suggestions a batch at a time, as a refresh in the request would", async () => {
    const seen: number[] = [];
    await start({ beforeBatch: (_id, done) => void seen.push(done) });
    const jobId = await attach();
    const queued = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(queued).toMatchObject({ state: "queued", done: 0, total, kind: "suggestions" });
    const job = await waitForJob(t.db, jobId, ["done", "failed"]);
    expect(job).toMatchObject({ state: "done", done: total, total, attempts: 1, error: null });
    // The run ends in the queue in the transaction of the last batch: none is left active to hold
    // the dossier's place in the queue, even if the process died right after that batch.
    expect(await runsOf(t.db, jobId)).toEqual([{ id: jobId, state: "completed" }]);
    expect(job.startedAt).not.toBeNull();
    expect(job.finishedAt!.getTime()).toBeGreaterThanOrEqual(job.startedAt!.getTime());
    expect(seen).toEqual(Array.from({ length: Math.ceil(total / 4) }, (_, i) => i * 4));
    const fromJob = await suggestionsOf(t.db, dossierId);
    expect(fromJob.links.length).toBeGreaterThan(0);
    await t.db.$transaction((tx) => refreshSuggestions(tx, dossierId));
    expect(await suggestionsOf(t.db, dossierId)).toEqual(fromJob);
  });

  it("changes nothing more when a job runs twice", async () => {
    const job = await t.db.job.findFirstOrThrow({ where: { state: "done" } });
    const before = await suggestionsOf(t.db, dossierId);
    await t.db.job.update({ where: { id: job.id }, data: { state: "queued", done: 0 } });
    expect(await runSuggestionJob(t.db, job.id, { batchSize: 7 })).toBe("done");
    expect(await suggestionsOf(t.db, dossierId)).toEqual(before);
    expect(await runSuggestionJob(t.db, job.id)).toBe("done");
    expect(await suggestionsOf(t.db, dossierId)).toEqual(before);
  });

  it("retries a failed run after a delay, resuming after the last stored batch", async () => {
    const seen: number[] = [];
    let failed = false;
    await start({
      beforeBatch: (_id, done) => {
        seen.push(done);
        if (done === 4 && !failed) {
          failed = true;
          throw new Error("The engine ran out of memory.");
        }
      },
    });
    const jobId = await attach();
    const job = await waitForJob(t.db, jobId, ["done", "failed"]);
    expect(job).toMatchObject({ state: "done", done: total, attempts: 2, error: null });
    // The first batch was stored once; the second was tried, failed, and tried again.
    expect(seen.slice(0, 3)).toEqual([0, 4, 4]);
    const boss = await queue!.boss.getJobById(SUGGESTIONS_QUEUE, jobId);
    expect(boss).toMatchObject({ state: "completed", retryCount: 1 });
  });

  it("marks a job failed once its retries are spent", async () => {
    await start({ retryLimit: 1, beforeBatch: () => Promise.reject(new Error("No luck.")) });
    const jobId = await attach();
    const job = await waitForJob(t.db, jobId, ["failed", "done"]);
    expect(job).toMatchObject({ state: "failed", error: "No luck.", attempts: 2, done: 0 });
    // Recorded in one transaction with the job's state: the run has failed by the time the job shows it.
    expect(await runsOf(t.db, jobId)).toEqual([{ id: jobId, state: "failed" }]);
  });

  it("cancels a running job between batches, keeping the batches stored and rolling back the one in progress", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atSecondBatch = new Promise<void>((resolve) => (reached = resolve));
    await start({
      beforeBatch: async (_id, done) => {
        if (done === 4) {
          reached();
          await held;
        }
      },
    });
    const jobId = await attach();
    await atSecondBatch;
    const cancelled = await cancelJob(t.db, { jobId, actor });
    expect(cancelled).toMatchObject({ state: "cancelled", done: 4 });
    release();
    await new Promise((r) => setTimeout(r, 500));
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "cancelled", done: 4 });
    await expect(cancelJob(t.db, { jobId, actor })).rejects.toMatchObject({ code: "conflict" });
    const reader = await createMember(t.db, await exampleWorkspaceId(t.db), "reviewer");
    await expect(cancelJob(t.db, { jobId, actor: reader })).rejects.toMatchObject({ code: "forbidden" });
    expect(await queue!.boss.getJobById(SUGGESTIONS_QUEUE, jobId)).toMatchObject({ state: "cancelled" });
  });

  it("keeps one queued refresh per dossier: a newer change supersedes the pending one", async () => {
    await start({ work: false });
    const first = await attach();
    const second = await attach();
    expect(await t.db.job.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ state: "cancelled", error: "Replaced by a newer refresh." });
    expect(await queue!.boss.getJobById(SUGGESTIONS_QUEUE, first)).toMatchObject({ state: "cancelled" });
    expect(await queue!.boss.getJobById(SUGGESTIONS_QUEUE, second)).toMatchObject({ state: "created", singletonKey: dossierId });
    await queue!.stop();
    await start();
    expect(await waitForJob(t.db, second, ["done", "failed"])).toMatchObject({ state: "done", done: total });
    expect(await t.db.job.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ state: "cancelled", attempts: 0 });
  });

  it("hands a job over from run to run after each slice: one job row, progress continuous, every batch stored once", async () => {
    const seen: number[] = [];
    // A slice of 0 s: every run stores one batch, then hands the job over to the next.
    await start({ sliceSeconds: 0, beforeBatch: (_id, done) => void seen.push(done) });
    const jobId = await attach();
    const job = await waitForJob(t.db, jobId, ["done", "failed"]);
    const batches = Math.ceil(total / 4);
    expect(job).toMatchObject({ state: "done", done: total, total, attempts: 1, error: null });
    expect(seen).toEqual(Array.from({ length: batches }, (_, i) => i * 4));
    const runs = await runsOf(t.db, jobId);
    expect(runs).toHaveLength(batches);
    expect(runs.every((run) => run.state === "completed")).toBe(true);
    expect(runs[0].id).toBe(jobId);
    expect(job.runId).toBe(runs.at(-1)!.id);
    expect(await duplicatedSuggestions(t.db, dossierId)).toBe(0);
    const fromJob = await suggestionsOf(t.db, dossierId);
    await t.db.$transaction((tx) => refreshSuggestions(tx, dossierId));
    expect(await suggestionsOf(t.db, dossierId)).toEqual(fromJob);
  });

  it("supersedes a job that was handed over: its current run is cancelled and the newer refresh queued", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atThirdRun = new Promise<void>((resolve) => (reached = resolve));
    let first: string | undefined;
    await start({
      sliceSeconds: 0,
      beforeBatch: async (id, done) => {
        if (id === first && done === 8) {
          reached();
          await held;
        }
      },
    });
    first = await attach();
    await atThirdRun;
    const handed = await t.db.job.findUniqueOrThrow({ where: { id: first } });
    expect(handed).toMatchObject({ state: "running", done: 8 });
    expect(handed.runId).not.toBe(first);
    const second = await attach();
    expect(await t.db.job.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ state: "cancelled", done: 8 });
    expect(await queue!.boss.getJobById(SUGGESTIONS_QUEUE, handed.runId)).toMatchObject({ state: "cancelled" });
    release();
    expect(await waitForJob(t.db, second, ["done", "failed"])).toMatchObject({ state: "done", done: total });
    expect(await t.db.job.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ state: "cancelled", done: 8 });
    expect(await duplicatedSuggestions(t.db, dossierId)).toBe(0);
  });

  it("takes over a run abandoned by a dead worker, stores every batch once, and rolls back the dead run's late batch", async () => {
    // A worker that fetched the run, stored two batches, and stopped answering while it held the
    // run active: as a killed process leaves it. Its runs expire after 2 s.
    const fast = { expireInSeconds: 2, maintenanceIntervalSeconds: 1 };
    const dead = await startJobQueue(ready, { syncBudget: 0, work: false, retryDelaySeconds: 1, ...fast });
    setProcessJobQueue(dead);
    const jobId = await attach();
    const [run] = await dead.boss.fetch<SuggestionRunData>(SUGGESTIONS_QUEUE, { includeMetadata: true });
    expect(run.id).toBe(jobId);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let stalled!: () => void;
    const atThirdBatch = new Promise<void>((resolve) => (stalled = resolve));
    const zombie = runSuggestionJob(t.db, jobId, {
      runId: run.id,
      batchSize: 4,
      beforeBatch: async (done) => {
        if (done === 8) {
          stalled();
          await held;
        }
      },
    });
    await atThirdBatch;
    setProcessJobQueue(undefined);
    await dead.stop();
    const diedAt = Date.now();
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "running", done: 8, attempts: 1 });
    expect(await dead.boss.getJobById(SUGGESTIONS_QUEUE, jobId)).toMatchObject({ state: "active" });

    // Another worker: on PostgreSQL it retries the run once it has expired; on PGlite (one
    // process, so the dead worker's process is this one restarted) it retries it at start.
    const seen: { done: number; at: number }[] = [];
    await start({ ...fast, beforeBatch: (_id, done) => void seen.push({ done, at: Date.now() }) });
    const job = await waitForJob(t.db, jobId, ["done", "failed"]);
    expect(job).toMatchObject({ state: "done", done: total, total, attempts: 2, error: null });
    expect(seen.map((s) => s.done)).toEqual(Array.from({ length: Math.ceil((total - 8) / 4) }, (_, i) => 8 + i * 4));
    if (t.kind === "postgres") expect(seen[0].at - diedAt).toBeGreaterThanOrEqual(1000);
    expect(await queue!.boss.getJobById(SUGGESTIONS_QUEUE, jobId)).toMatchObject({ state: "completed", retryCount: 1 });

    const fromJob = await suggestionsOf(t.db, dossierId);
    // The dead worker wakes up: its batch no longer lands, the job is not the run's any more.
    release();
    expect(await zombie).toBe("done");
    expect(await suggestionsOf(t.db, dossierId)).toEqual(fromJob);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "done", done: total, attempts: 2 });
    expect(await duplicatedSuggestions(t.db, dossierId)).toBe(0);
    await t.db.$transaction((tx) => refreshSuggestions(tx, dossierId));
    expect(await suggestionsOf(t.db, dossierId)).toEqual(fromJob);
  });

  it("marks failed, at start, a job whose last run the queue ended without it", async () => {
    const first = await start({ retryLimit: 0, work: false });
    const jobId = await attach();
    // What pg-boss does on its own to a run that expired with no retry left: the Job row is not told.
    await first.boss.fail(SUGGESTIONS_QUEUE, jobId, { message: "expired" });
    expect(await runsOf(t.db, jobId)).toEqual([{ id: jobId, state: "failed" }]);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "queued" });
    setProcessJobQueue(undefined);
    await first.stop();
    await start({ work: false });
    const job = await t.db.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ state: "failed", error: "The job's last try ended without finishing it." });
    expect(job.finishedAt).not.toBeNull();
  });

  it("runs a job that was pending when the database closed, once it is opened again", async () => {
    const folder = t.kind === "pglite" ? mkdtempSync(path.join(tmpdir(), "attest-jobs-")) : null;
    const config = folder ? ({ kind: "pglite", dataDir: folder } as const) : ({ kind: "postgres", url: t.url! } as const);
    // A database of its own on disk for PGlite; a second pool on the test database for PostgreSQL.
    let opened = await connectDatabase(config, { seed: !!folder });
    try {
      const dossier = await opened.prisma.dossier.findFirstOrThrow();
      const editor = await createMember(opened.prisma, dossier.workspaceId, "editor");
      let pending = await startJobQueue(opened, { syncBudget: 0, work: false });
      setProcessJobQueue(pending);
      const added = await addSource(opened.prisma, { actor: editor, dossierId: dossier.id, document: { from: "text", text: report } });
      setProcessJobQueue(undefined);
      await pending.stop();
      await opened.prisma.$disconnect();
      await opened.database.close();
      opened = await connectDatabase(config, { seed: false });
      expect(await opened.prisma.job.findUniqueOrThrow({ where: { id: added.jobId! } })).toMatchObject({ state: "queued", done: 0 });
      pending = await startJobQueue(opened, { pollingIntervalSeconds: 0.5 });
      try {
        expect(await waitForJob(opened.prisma, added.jobId!, ["done", "failed"])).toMatchObject({ state: "done" });
      } finally {
        await pending.stop();
      }
    } finally {
      await opened.prisma.$disconnect();
      await opened.database.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  });
});
