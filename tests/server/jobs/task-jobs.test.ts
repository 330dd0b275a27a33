// One-off background jobs on the test database (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// imports of large texts and files as new sources or versions (re-anchoring included), refused
// addresses and unreadable files, exports written in the request or by the queue and downloaded
// from the job, cancelling, a job run twice or by a run taken for dead, and the sweep of old files.
import { randomUUID } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/server/db.ts";
import type { ReadyDatabase } from "@/server/db/process-database.ts";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { importJob } from "@/server/documents/import-job.ts";
import { isQueued, type QueuedImport } from "@/server/documents/queue-import.ts";
import { readDocumentInput } from "@/server/documents/read-document-input.ts";
import { downloadJobFile } from "@/server/exports/download-job-file.ts";
import { exportDossier } from "@/server/exports/export-dossier.ts";
import { exportJob } from "@/server/exports/export-job.ts";
import { requestExport } from "@/server/exports/request-export.ts";
import { cancelJob } from "@/server/jobs/cancel-job.ts";
import { JOB_FILE_TTL_MS, TASKS_QUEUE } from "@/server/jobs/job-settings.ts";
import { listDossierJobs } from "@/server/jobs/list-dossier-jobs.ts";
import { presentJob } from "@/server/jobs/present-job.ts";
import { setProcessJobQueue } from "@/server/jobs/process-job-queue.ts";
import { runTaskJob, type TaskHandler } from "@/server/jobs/run-task-job.ts";
import { startJobQueue, type JobQueue, type JobQueueOptions } from "@/server/jobs/start-job-queue.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";
import { createMember, exampleWorkspaceId } from "../test-actors.ts";
import { NEWS_REPORT } from "../news-report.ts";
import { waitForJob } from "./wait-for-job.ts";

const report = NEWS_REPORT;

/** A pasted text of about `sentences` × 60 bytes that shares no sentence with the briefing. */
function longText(heading: string, sentences: number): string {
  const body = Array.from({ length: sentences }, (_, i) => `Gauge ${i + 1} recorded ${(i * 7919) % 10007} millimetres of rain in the valley.`);
  return [heading, "", ...body].join("\n");
}

/** The queue's run of a one-off job (its id is the job's). */
async function runOf(db: Db, jobId: string): Promise<{ state: string; retry_count: number }[]> {
  return db.$queryRaw<{ state: string; retry_count: number }[]>`
    SELECT state::text, retry_count FROM pgboss.job WHERE name = ${TASKS_QUEUE} AND id::text = ${jobId}`;
}

function queued(result: unknown): QueuedImport {
  expect(isQueued(result)).toBe(true);
  return result as QueuedImport;
}

describe("one-off jobs: imports and exports", () => {
  let t: TestDatabase;
  let ready: ReadyDatabase;
  let dossierId: string;
  let editor: Actor & { kind: "user" };
  let viewer: Actor & { kind: "user" };
  let otherViewer: Actor & { kind: "user" };
  let stranger: Actor & { kind: "user" };
  let queue: JobQueue | undefined;

  const start = async (options: JobQueueOptions = {}) => {
    // Suggestions are computed in the request: the jobs here are imports and exports only.
    queue = await startJobQueue(ready, { syncBudget: Number.MAX_SAFE_INTEGER, importSyncBytes: 1000, pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, ...options });
    setProcessJobQueue(queue);
    return queue;
  };
  const stop = async () => {
    setProcessJobQueue(undefined);
    await queue?.stop();
    queue = undefined;
  };
  const documentsOf = () => t.db.document.count({ where: { dossierId } });

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    ready = { prisma: t.db, database: t.database };
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    const workspaceId = await exampleWorkspaceId(t.db);
    editor = await createMember(t.db, workspaceId, "editor");
    viewer = await createMember(t.db, workspaceId, "viewer");
    otherViewer = await createMember(t.db, workspaceId, "viewer");
    // A member of another workspace only.
    const elsewhere = await t.db.workspace.create({ data: { name: "Elsewhere", slug: `elsewhere-${randomUUID().slice(0, 8)}` } });
    stranger = await createMember(t.db, elsewhere.id, "owner");
  });
  afterEach(stop);
  afterAll(async () => t?.drop());

  it("imports a pasted text over the budget as a job: nothing stored in the request, one source when the job ends", async () => {
    const text = longText("Rainfall in the valley", 40);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(1000);
    const expected = (await readDocumentInput({ from: "text", text })).text;
    const documentsBefore = await documentsOf();

    // Queued only, so that the state right after the request can be read before any worker runs.
    await start({ work: false });
    const result = queued(await addSource(t.db, { actor: editor, dossierId, document: { from: "text", text }, metadata: { title: "Valley rainfall" }, background: true }));
    const jobId = result.job.id;
    expect(result.job).toMatchObject({ kind: "import", state: "queued", done: 0, total: 2, attempts: 0, unit: "steps", label: "Importing Valley rainfall", document: null, file: null });
    expect(await documentsOf()).toBe(documentsBefore);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      dossierId,
      kind: "import",
      state: "queued",
      runId: jobId,
      createdById: editor.userId,
      payload: { label: "Importing Valley rainfall", target: "source", title: "Valley rainfall", input: { from: "text", format: "text" } },
      result: null,
    });
    const input = await t.db.jobFile.findUniqueOrThrow({ where: { jobId_role: { jobId, role: "input" } } });
    expect(input).toMatchObject({ filename: "pasted.txt", contentType: "text/plain; charset=utf-8" });
    expect(new TextDecoder().decode(gunzipSync(input.bytes))).toBe(text);
    expect(await runOf(t.db, jobId)).toEqual([{ state: "created", retry_count: 0 }]);
    await stop();

    await start();
    const job = await waitForJob(t.db, jobId, ["done", "failed"]);
    expect(job).toMatchObject({ state: "done", done: 2, total: 2, attempts: 1, error: null });
    expect(job.finishedAt!.getTime()).toBeGreaterThanOrEqual(job.startedAt!.getTime());
    const stored = job.result as { documentId: string; versionId: string };
    expect(Object.keys(stored).sort()).toEqual(["documentId", "versionId"]);
    expect(presentJob(job).document).toEqual(stored);
    expect(await t.db.jobFile.count({ where: { jobId } })).toBe(0);
    expect(await runOf(t.db, jobId)).toEqual([{ state: "completed", retry_count: 0 }]);
    await expect(downloadJobFile(t.db, { jobId, actor: viewer })).rejects.toThrow("This job writes no file to download.");

    expect(await documentsOf()).toBe(documentsBefore + 1);
    const documents = await t.db.document.findMany({ where: { dossierId, title: "Valley rainfall" }, include: { versions: true } });
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ id: stored.documentId, kind: "source" });
    expect(documents[0].versions).toHaveLength(1);
    expect(documents[0].versions[0]).toMatchObject({ id: stored.versionId, number: 1, text: expected.text, contentHash: expected.hash, createdById: editor.userId });
    expect(await t.db.activity.count({ where: { entityId: stored.documentId, action: "document.added", actorId: editor.userId } })).toBe(1);

    // Without `background` the same call stores the source in the request, as before.
    const jobsBefore = await t.db.job.count();
    const direct = await addSource(t.db, { actor: editor, dossierId, document: { from: "text", text }, metadata: { title: "Valley rainfall, again" } });
    expect(isQueued(direct)).toBe(false);
    expect(await t.db.job.count()).toBe(jobsBefore);
    const version = await t.db.documentVersion.findUniqueOrThrow({ where: { id: direct.versionId } });
    expect(version).toMatchObject({ documentId: direct.documentId, number: 1, text: expected.text });
    expect(await documentsOf()).toBe(documentsBefore + 2);
  });

  it("imports a text within the budget in the request even when it may go to a job", async () => {
    await start({ work: false });
    const jobsBefore = await t.db.job.count();
    const added = await addSource(t.db, { actor: editor, dossierId, document: { from: "text", text: "A short note on the harvest." }, background: true });
    expect(isQueued(added)).toBe(false);
    expect(await t.db.document.findUniqueOrThrow({ where: { id: (added as { documentId: string }).documentId } })).toMatchObject({ dossierId, kind: "source" });
    expect(await t.db.job.count()).toBe(jobsBefore);
  });

  it("refuses a page on a private or loopback address at once, queueing nothing", async () => {
    await start({ work: false });
    const jobsBefore = await t.db.job.count();
    const documentsBefore = await documentsOf();
    for (const url of ["http://127.0.0.1:9/x", "http://localhost:9/x", "http://10.0.0.1/x"]) {
      const attempt = addSource(t.db, { actor: editor, dossierId, document: { from: "url", url }, background: true });
      await expect(attempt).rejects.toMatchObject({ code: "invalid_input" });
      await expect(attempt).rejects.toThrow(/private|not allowed|public/i);
    }
    expect(await t.db.job.count()).toBe(jobsBefore);
    expect(await t.db.jobFile.count()).toBe(0);
    expect(await documentsOf()).toBe(documentsBefore);
  });

  it("refuses a file or text over the size limit at once, queueing nothing", async () => {
    await start({ work: false });
    const jobsBefore = await t.db.job.count();
    const documentsBefore = await documentsOf();
    // 5 MB and a byte of file; 3 million characters of pasted text taking 6 MB in UTF-8.
    const inputs = [
      { from: "file" as const, filename: "huge.txt", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61) },
      { from: "text" as const, text: "é".repeat(3_000_000) },
    ];
    for (const document of inputs) {
      // In the request, as without a queue.
      await expect(addSource(t.db, { actor: editor, dossierId, document })).rejects.toMatchObject({ code: "too_large" });
      await expect(addSource(t.db, { actor: editor, dossierId, document, background: true })).rejects.toMatchObject({ code: "too_large" });
    }
    expect(await t.db.job.count()).toBe(jobsBefore);
    expect(await t.db.jobFile.count()).toBe(0);
    expect(await documentsOf()).toBe(documentsBefore);
  });

  it("stores a new source version from a job with its accepted links re-anchored, as in the request", async () => {
    await start({ importSyncBytes: 0 });
    const added = await addSource(t.db, { actor: editor, dossierId, document: { from: "text", text: report }, metadata: { title: "Cartel surveillance" } });
    expect(isQueued(added)).toBe(false);
    const claimByText = (fragment: string) =>
      t.db.claim.findFirstOrThrow({ where: { dossierId, retiredAt: null, text: { contains: fragment } }, include: { links: true } });
    const task = (await claimByText("(140 analysts)")).links.find((l) => l.versionId === added.versionId && l.rank === 0);
    const troops = (await claimByText("deployed 10,000 troops")).links.find((l) => l.versionId === added.versionId && l.rank === 0);
    expect(task).toBeDefined();
    expect(troops).toBeDefined();
    await t.db.link.updateMany({ where: { id: { in: [task!.id, troops!.id] } }, data: { state: "accepted", verdict: "supports" } });

    const edited = report
      .replace("The Pentagon", "Officials spoke on condition of anonymity.\n\nThe Pentagon")
      .replace("10,000 troops", "12,000 troops");
    const result = queued(await addDocumentVersion(t.db, { actor: editor, documentId: added.documentId, document: { from: "text", text: edited }, background: true }));
    expect(result.job).toMatchObject({ kind: "import", label: "Importing a new version of Cartel surveillance" });
    const job = await waitForJob(t.db, result.job.id, ["done", "failed"]);
    expect(job).toMatchObject({ state: "done", done: 2, total: 2, attempts: 1, error: null });

    const versions = await t.db.documentVersion.findMany({ where: { documentId: added.documentId }, orderBy: { number: "asc" } });
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    const [v1, v2] = versions;
    expect(v1.id).toBe(added.versionId);
    expect(v2.text).toBe((await readDocumentInput({ from: "text", text: edited })).text.text);
    expect(job.result).toEqual({ documentId: added.documentId, versionId: v2.id, number: 2, created: true, anchored: 1, changed: 1, orphaned: 0 });
    expect(presentJob(job).document).toEqual({ documentId: added.documentId, versionId: v2.id });

    const moved = await t.db.link.findUniqueOrThrow({ where: { id: task!.id } });
    expect(moved).toMatchObject({ versionId: v2.id, state: "accepted", verdict: "supports", anchorStatus: "anchored", revision: 2 });
    expect(v2.text.slice(moved.start!, moved.end!)).toBe(moved.exact);
    expect(moved.exact).toContain("special intelligence task force of 140 analysts");
    const changed = await t.db.link.findUniqueOrThrow({ where: { id: troops!.id } });
    expect(changed).toMatchObject({ versionId: v2.id, state: "accepted", anchorStatus: "changed" });
    expect(changed.previousExact).toContain("10,000 troops");
    expect(changed.exact).toContain("12,000 troops");
    expect(await t.db.activity.count({ where: { entityId: added.documentId, action: "document.versioned" } })).toBe(1);

    // The same text again, as a job: no version is made, and the job says so.
    const again = queued(await addDocumentVersion(t.db, { actor: editor, documentId: added.documentId, document: { from: "text", text: edited }, background: true }));
    const unchanged = await waitForJob(t.db, again.job.id, ["done", "failed"]);
    expect(unchanged.result).toEqual({ documentId: added.documentId, versionId: v2.id, number: 2, created: false });
    expect(await t.db.documentVersion.count({ where: { documentId: added.documentId } })).toBe(2);
  });

  it("fails an import of a file that is not text at once, with the reason, storing nothing", async () => {
    await start();
    const documentsBefore = await documentsOf();
    const binary = new Uint8Array(2000).fill(0x66);
    binary[700] = 0;
    const latin1 = new Uint8Array(2000).fill(0x61);
    latin1[900] = 0xe9;
    const cases = [
      { bytes: binary, message: /NUL bytes.*binary/ },
      { bytes: latin1, message: /not valid UTF-8/ },
    ];
    for (const { bytes, message } of cases) {
      const result = queued(await addSource(t.db, { actor: editor, dossierId, document: { from: "file", filename: "readings.txt", bytes }, background: true }));
      expect(result.job.label).toBe("Importing readings.txt");
      const job = await waitForJob(t.db, result.job.id, ["done", "failed"]);
      expect(job).toMatchObject({ state: "failed", attempts: 1, done: 0, result: null });
      expect(job.error).toMatch(message);
      expect(job.finishedAt).not.toBeNull();
      // Not retried: the run's retry is cancelled.
      const [run] = await runOf(t.db, job.id);
      expect(run.retry_count).toBe(0);
      expect(run).toEqual({ state: "cancelled", retry_count: 0 });
      // Failed for good: its input file is gone with it.
      expect(await t.db.jobFile.count({ where: { jobId: job.id } })).toBe(0);
    }
    expect(await documentsOf()).toBe(documentsBefore);
  });

  it("stores a job's result once when it runs twice", async () => {
    await start({ work: false, exportSyncItems: 0 });
    const text = longText("Rainfall, once", 40);
    const result = queued(await addSource(t.db, { actor: editor, dossierId, document: { from: "text", text }, background: true }));
    const exported = await requestExport(t.db, { dossierId, body: { format: "csv" }, actor: viewer });
    expect(exported.state).toBe("queued");
    const documentsBefore = await documentsOf();

    expect(await runTaskJob(t.db, result.job.id, importJob)).toBe("done");
    expect(await runTaskJob(t.db, result.job.id, importJob)).toBe("done");
    expect(await documentsOf()).toBe(documentsBefore + 1);
    expect(await t.db.document.count({ where: { dossierId, title: "Rainfall, once" } })).toBe(1);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: result.job.id } })).toMatchObject({ state: "done", attempts: 1 });

    expect(await runTaskJob(t.db, exported.id, exportJob)).toBe("done");
    const file = await t.db.jobFile.findUniqueOrThrow({ where: { jobId_role: { jobId: exported.id, role: "output" } } });
    expect(await runTaskJob(t.db, exported.id, exportJob)).toBe("done");
    expect(await t.db.jobFile.findMany({ where: { jobId: exported.id } })).toEqual([file]);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: exported.id } })).toMatchObject({ state: "done", attempts: 1 });
  });

  it("cancels a queued import: its run then stores nothing", async () => {
    await start({ work: false });
    const documentsBefore = await documentsOf();
    const result = queued(await addSource(t.db, { actor: editor, dossierId, document: { from: "text", text: longText("Rainfall, cancelled", 40) }, background: true }));
    // A viewer may not cancel an import.
    await expect(cancelJob(t.db, { jobId: result.job.id, actor: viewer })).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.db.jobFile.count({ where: { jobId: result.job.id, role: "input" } })).toBe(1);
    const cancelled = await cancelJob(t.db, { jobId: result.job.id, actor: editor });
    expect(cancelled).toMatchObject({ state: "cancelled", error: "Cancelled.", attempts: 0 });
    expect(await t.db.jobFile.count({ where: { jobId: result.job.id } })).toBe(0);
    expect(await runOf(t.db, result.job.id)).toEqual([{ state: "cancelled", retry_count: 0 }]);
    expect(await runTaskJob(t.db, result.job.id, importJob)).toBe("cancelled");
    expect(await t.db.job.findUniqueOrThrow({ where: { id: result.job.id } })).toMatchObject({ state: "cancelled", attempts: 0, result: null });
    expect(await documentsOf()).toBe(documentsBefore);
    expect(await t.db.activity.count({ where: { entityId: result.job.id, action: "job.cancelled", actorId: editor.userId } })).toBe(1);
    await expect(cancelJob(t.db, { jobId: result.job.id, actor: editor })).rejects.toMatchObject({ code: "conflict" });
  });

  it("does not store the result of a run that a newer attempt took over", async () => {
    await start({ work: false });
    const documentsBefore = await documentsOf();
    const result = queued(await addSource(t.db, { actor: editor, dossierId, document: { from: "text", text: longText("Rainfall, stale", 40) }, metadata: { title: "Stale rainfall" }, background: true }));
    const jobId = result.job.id;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const prepared = new Promise<void>((resolve) => (reached = resolve));
    // The import's own work, held after it has read its input and before it stores it.
    const slow: TaskHandler = async (db, job, context) => {
      const store = await importJob(db, job, context);
      reached();
      await held;
      return store;
    };
    const first = runTaskJob(t.db, jobId, slow);
    await prepared;
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "running", attempts: 1, done: 1 });
    // A retry starts its attempt, as after the run was taken for dead.
    await t.db.job.update({ where: { id: jobId }, data: { attempts: { increment: 1 } } });
    release();
    expect(await first).toBe("stale");
    expect(await documentsOf()).toBe(documentsBefore);
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "running", attempts: 2, result: null });
    expect(await t.db.jobFile.count({ where: { jobId, role: "input" } })).toBe(1);

    // The newer attempt's run stores the source once.
    expect(await runTaskJob(t.db, jobId, importJob)).toBe("done");
    expect(await t.db.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "done", attempts: 3 });
    expect(await t.db.document.count({ where: { dossierId, title: "Stale rainfall" } })).toBe(1);
  });

  it("writes a small dossier's export in the request, the same file as the direct export, downloadable by its members", async () => {
    await start({ work: false });
    for (const format of ["jsonld", "md", "csv"] as const) {
      const view = await requestExport(t.db, { dossierId, body: { format }, actor: viewer });
      const direct = await exportDossier(t.db, { dossierId, format, actor: viewer });
      const bytes = new TextEncoder().encode(direct.body);
      expect(view).toMatchObject({ kind: "export", state: "done", done: 2, total: 2, attempts: 1, error: null, document: null });
      expect(view.file).toEqual({ url: `/api/v1/jobs/${view.id}/file`, filename: direct.filename, bytes: bytes.length });
      const row = await t.db.job.findUniqueOrThrow({ where: { id: view.id } });
      expect(row).toMatchObject({ createdById: viewer.userId, result: { format, filename: direct.filename, bytes: bytes.length } });
      const file = await t.db.jobFile.findUniqueOrThrow({ where: { jobId_role: { jobId: view.id, role: "output" } } });
      expect(file).toMatchObject({ filename: direct.filename, contentType: direct.contentType });
      // Stored compressed with gzip.
      expect(new Uint8Array(gunzipSync(file.bytes))).toEqual(bytes);
      expect(file.bytes.length).toBeLessThan(bytes.length);

      const download = await downloadJobFile(t.db, { jobId: view.id, actor: otherViewer });
      expect(download).toEqual({ body: bytes, contentType: direct.contentType, filename: direct.filename });
      await expect(downloadJobFile(t.db, { jobId: view.id, actor: stranger })).rejects.toMatchObject({ code: "not_found", message: "No such job." });
    }
    await expect(downloadJobFile(t.db, { jobId: randomUUID(), actor: viewer })).rejects.toMatchObject({ code: "not_found", message: "No such job." });
    await expect(requestExport(t.db, { dossierId, body: { format: "md" }, actor: stranger })).rejects.toMatchObject({ code: "not_found" });
    await expect(requestExport(t.db, { dossierId, body: { format: "pdf" }, actor: viewer })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("sends an export over the limit to the queue; its file can be downloaded once written, and its creator may cancel it", async () => {
    await start({ work: false, exportSyncItems: 0 });
    const pending = await requestExport(t.db, { dossierId, body: { format: "md" }, actor: viewer });
    expect(pending).toMatchObject({ kind: "export", state: "queued", done: 0, total: 2, file: null, label: "Exporting Markdown" });
    await expect(downloadJobFile(t.db, { jobId: pending.id, actor: viewer })).rejects.toMatchObject({ code: "not_found" });
    await expect(downloadJobFile(t.db, { jobId: pending.id, actor: viewer })).rejects.toThrow(/not finished/);
    // Asked again while it waits, the same export comes back.
    expect(await requestExport(t.db, { dossierId, body: { format: "md" }, actor: viewer })).toMatchObject({ id: pending.id, state: "queued" });
    expect(await t.db.job.count({ where: { dossierId, kind: "export", state: "queued" } })).toBe(1);
    // Only its creator (or an editor) may cancel an export, and the list says so to each.
    const listed = async (actor: Actor) => (await listDossierJobs(t.db, { dossierId, actor })).jobs.find((j) => j.id === pending.id)?.canCancel;
    expect([await listed(viewer), await listed(otherViewer), await listed(editor)]).toEqual([true, false, true]);
    await expect(cancelJob(t.db, { jobId: pending.id, actor: otherViewer })).rejects.toMatchObject({ code: "forbidden" });
    expect(await cancelJob(t.db, { jobId: pending.id, actor: viewer })).toMatchObject({ state: "cancelled" });
    expect(await runOf(t.db, pending.id)).toEqual([{ state: "cancelled", retry_count: 0 }]);
    const queuedExport = await requestExport(t.db, { dossierId, body: { format: "jsonld" }, actor: viewer });
    expect(queuedExport.state).toBe("queued");
    await stop();

    await start({ exportSyncItems: 0 });
    const job = await waitForJob(t.db, queuedExport.id, ["done", "failed"]);
    expect(job).toMatchObject({ state: "done", done: 2, total: 2, attempts: 1, error: null });
    const direct = await exportDossier(t.db, { dossierId, format: "jsonld", actor: viewer });
    const bytes = new TextEncoder().encode(direct.body);
    expect(presentJob(job).file).toEqual({ url: `/api/v1/jobs/${job.id}/file`, filename: direct.filename, bytes: bytes.length });
    expect(await downloadJobFile(t.db, { jobId: job.id, actor: otherViewer })).toEqual({ body: bytes, contentType: direct.contentType, filename: direct.filename });
    expect(await t.db.job.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ state: "cancelled", attempts: 0 });
    await expect(downloadJobFile(t.db, { jobId: pending.id, actor: viewer })).rejects.toMatchObject({ code: "not_found" });
  });

  it("deletes the files of jobs older than a day when a task is queued or an export written, and serves none of them meanwhile", async () => {
    await start({ work: false, exportSyncItems: 0 });
    const old = await requestExport(t.db, { dossierId, body: { format: "csv" }, actor: viewer });
    const recent = await requestExport(t.db, { dossierId, body: { format: "md" }, actor: viewer });
    for (const jobId of [old.id, recent.id]) expect(await runTaskJob(t.db, jobId, exportJob)).toBe("done");
    const age = (jobId: string, ms: number) =>
      t.db.jobFile.update({ where: { jobId_role: { jobId, role: "output" } }, data: { createdAt: new Date(Date.now() - ms) } });
    await age(old.id, JOB_FILE_TTL_MS + 60_000);
    await age(recent.id, JOB_FILE_TTL_MS - 60 * 60_000);
    const filesOf = (ids: string[]) => t.db.jobFile.findMany({ where: { jobId: { in: ids } }, select: { jobId: true, role: true }, orderBy: { role: "asc" } });

    // Older than a day: not served, even before a sweep has deleted it.
    expect(await filesOf([old.id])).toEqual([{ jobId: old.id, role: "output" }]);
    await expect(downloadJobFile(t.db, { jobId: old.id, actor: viewer })).rejects.toMatchObject({ code: "not_found" });
    expect((await downloadJobFile(t.db, { jobId: recent.id, actor: viewer })).filename).toMatch(/\.md$/);

    const next = queued(await addSource(t.db, { actor: editor, dossierId, document: { from: "text", text: longText("Rainfall, swept", 40) }, background: true }));
    expect(await filesOf([old.id, recent.id, next.job.id])).toEqual([
      { jobId: next.job.id, role: "input" },
      { jobId: recent.id, role: "output" },
    ]);
    // The job stays, done; only its file is gone.
    expect(await t.db.job.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ state: "done" });
    await cancelJob(t.db, { jobId: next.job.id, actor: editor });
    await stop();

    // An export written in the request sweeps as well.
    await start({ work: false });
    await age(recent.id, JOB_FILE_TTL_MS + 60_000);
    const written = await requestExport(t.db, { dossierId, body: { format: "csv" }, actor: viewer });
    expect(written.state).toBe("done");
    expect(await filesOf([recent.id, written.id])).toEqual([{ jobId: written.id, role: "output" }]);
  });

  it("stores a new briefing version from a job with its claims carried over, and the counts in the job's result", async () => {
    await start({ importSyncBytes: 0 });
    const briefing = await t.db.document.findFirstOrThrow({ where: { dossierId, kind: "briefing" }, include: { versions: { orderBy: { number: "desc" }, take: 1 } } });
    const latest = briefing.versions[0];
    const liveClaims = () => t.db.claim.count({ where: { documentId: briefing.id, retiredAt: null } });
    const before = await liveClaims();
    const fixed = latest.text
      .replace("surveillance intellegence", "surveillance intelligence")
      .replace(/[^\n]*Fentanyl labs emit detectable chemicals[^\n]*\n\n/, "")
      .replace("Potential Implications:", "Potential Implications:\n\nA new claim about cartel finances in 2024.\n\n");
    expect(fixed).not.toBe(latest.text);
    const result = queued(await addDocumentVersion(t.db, { actor: editor, documentId: briefing.id, document: { from: "text", text: fixed }, background: true }));
    const job = await waitForJob(t.db, result.job.id, ["done", "failed"]);
    expect(job).toMatchObject({ state: "done", attempts: 1, error: null });
    const version = await t.db.documentVersion.findFirstOrThrow({ where: { documentId: briefing.id }, orderBy: { number: "desc" } });
    expect(version.number).toBe(latest.number + 1);
    expect(await liveClaims()).toBe(before);
    expect(job.result).toEqual({ documentId: briefing.id, versionId: version.id, number: version.number, created: true, kept: before - 1, added: 1, retired: 1 });
    const logged = await t.db.activity.findFirstOrThrow({ where: { entityId: briefing.id, action: "document.versioned" }, orderBy: { at: "desc" } });
    expect(logged.after).toMatchObject({ versionId: version.id, kept: before - 1, added: 1, retired: 1 });
  });
});
