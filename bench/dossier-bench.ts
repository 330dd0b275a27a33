// Measures a large dossier end to end: 50 sources of together 1,000,000 words and a briefing of 2,000 claims, stored through the server's use cases and aligned batch by batch.
//
// The dossier is built by `makeLargeDossier` (real text recombined with a seeded generator; see
// bench/make-large-dossier.ts), stored on a file-backed embedded database in a temporary folder
// (migrated first in a process of its own, as `npm run db:migrate` does), with the app's job
// queue running in this process as it does in the app:
// - the dossier with its briefing through `createDossier` (claims extracted and stored);
// - each of the 50 sources through `addSource`, as a user attaching them one after the other:
//   every attach is over the in-request budget, so it answers at once and queues the refresh as
//   a background job, superseding the one the previous attach queued;
// - then the last job runs to its end, its progress (claims done of total, time left) printed as
//   the batches land, and the stored verdicts are counted, by kind of claim.
//
// Figures: words, sentences, claims; time of each phase; the slowest and median attach; the job's
// time and claims per second; the time and size of an export in each format (export jobs, as the
// reader asks for them) and of a new version of the source with the most links (re-anchoring them,
// by an import job when it is over the import budget); the process's peak resident memory through
// the last job (PASS under 1 GB, else FAIL), after the rest, and its heap.
//
// Run: npm run bench:dossier [-- --sources 50 --words 1000000 --claims 2000 --batch 100]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareSources } from "@/core/alignment/prepare-sources.ts";
import type { Db } from "@/server/db.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { createDossier } from "@/server/dossiers/create-dossier.ts";
import { isQueued } from "@/server/documents/queue-import.ts";
import { requestExport } from "@/server/exports/request-export.ts";
import { presentJob } from "@/server/jobs/present-job.ts";
import { setProcessJobQueue } from "@/server/jobs/process-job-queue.ts";
import { startJobQueue } from "@/server/jobs/start-job-queue.ts";
import { makeBenchEditor } from "./make-bench-editor.ts";
import { countWords, makeLargeDossier } from "./make-large-dossier.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const SOURCES = option("sources", 50);
const WORDS = option("words", 1_000_000);
const CLAIMS = option("claims", 2000);
const BATCH = option("batch", 100);
const MEMORY_LIMIT_BYTES = 1024 ** 3;

const phases: { name: string; ms: number }[] = [];
async function phase<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  phases.push({ name, ms });
  console.log(`${name}: ${seconds(ms)} (peak RSS so far ${mb(peakRss())})`);
  return result;
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
/** The process's peak resident set size, in bytes (`maxRSS` is in kilobytes). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;
let peakHeap = 0;
const heapTimer = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 200);

/**
 * Waits for the dossier's last suggestion job to end, printing its progress whenever a batch
 * lands: claims done of total and the time left at the pace so far, as the reader's strip shows.
 */
/** Waits for the job to end, printing its progress (`unit` done of total, time left) as it moves. */
async function waitForJob(db: Db, jobId: string): Promise<{ state: string; done: number; total: number; seconds: number; error: string | null }> {
  let shown = -1;
  for (;;) {
    const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
    const view = presentJob(job);
    if (job.done !== shown) {
      shown = job.done;
      const left = view.etaSeconds === null ? "" : `, about ${Math.round(view.etaSeconds)} s left`;
      console.log(`  ${view.label}: ${job.done.toLocaleString("en")} / ${job.total.toLocaleString("en")} ${view.unit} (${job.state}${left})`);
    }
    if (job.state !== "queued" && job.state !== "running") {
      const seconds = job.startedAt && job.finishedAt ? (job.finishedAt.getTime() - job.startedAt.getTime()) / 1000 : NaN;
      return { state: job.state, done: job.done, total: job.total, seconds, error: job.error };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  const generated = await phase("generate the dossier", () => makeLargeDossier({ sources: SOURCES, words: WORDS, claims: CLAIMS }));
  const words = generated.sources.reduce((n, s) => n + countWords(s.text), 0);
  const characters = generated.sources.reduce((n, s) => n + s.text.length, 0);
  const kinds = new Map<string, number>();
  for (const claim of generated.claims) kinds.set(claim.kind, (kinds.get(claim.kind) ?? 0) + 1);
  console.log(
    `${generated.sources.length} sources, ${words.toLocaleString("en")} words (${characters.toLocaleString("en")} characters); ` +
      `${generated.claims.length} claims (${[...kinds].map(([k, n]) => `${n} ${k}`).join(", ")})`,
  );

  const folder = mkdtempSync(path.join(tmpdir(), "dossier-bench-"));
  const dataDir = path.join(folder, "data");
  // Migrated in its own process, as `npm run db:migrate` does before a deployment starts: a first
  // migration peaks near 0.9 GB by itself (the schema engine and a fresh embedded database),
  // which would hide the dossier's own figure.
  await phase("migrate a new database (npm run db:migrate, own process)", () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
    if (run.status !== 0) throw new Error(`migrating ${dataDir} failed (status ${run.status})`);
  });
  const ready = await phase("open the database and start the job queue", () => connectDatabase({ kind: "pglite", dataDir }, { seed: false }));
  const { prisma: db, database } = ready;
  const queue = await startJobQueue(ready, { batchSize: BATCH, pollingIntervalSeconds: 0.5 });
  setProcessJobQueue(queue);
  try {
    const { workspaceId, userId, actor } = await makeBenchEditor(db);

    const created = await phase("create the dossier with its briefing (createDossier)", () =>
      createDossier(db, {
        actor,
        dossier: { workspaceId: workspaceId, title: "Large dossier" },
        briefing: { from: "text", text: generated.briefing, format: "text" },
      }),
    );
    if (created.claims !== generated.claims.length) throw new Error(`the briefing gave ${created.claims} claims, not ${generated.claims.length}`);

    const attachMs: number[] = [];
    let lastJobId: string | null = null;
    await phase(`attach ${generated.sources.length} sources (addSource; each queues the refresh as a job)`, async () => {
      for (const source of generated.sources) {
        const started = performance.now();
        const added = await addSource(db, { dossierId: created.dossierId, actor, document: { from: "text", text: source.text, format: "text" }, metadata: { title: source.title } });
        attachMs.push(performance.now() - started);
        lastJobId = added.jobId ?? lastJobId;
      }
    });
    if (!lastJobId) throw new Error("no attach queued a job: the dossier fits the in-request budget");
    const jobId: string = lastJobId;
    const superseded = await db.job.count({ where: { dossierId: created.dossierId, state: "cancelled" } });
    const job = await phase("the last suggestion job, to its end (background, in batches)", () => waitForJob(db, jobId));
    if (job.state !== "done") throw new Error(`the suggestion job ended ${job.state}`);

    const claims = await db.claim.findMany({ where: { dossierId: created.dossierId, retiredAt: null }, select: { order: true, suggestedVerdict: true } });
    const verdicts: Record<string, number> = { supported: 0, partial: 0, unsupported: 0 };
    const byKind = new Map<string, Record<string, number>>();
    for (const claim of claims) {
      const verdict = claim.suggestedVerdict ?? "none";
      verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
      const kind = generated.claims[claim.order].kind;
      const counts = byKind.get(kind) ?? { supported: 0, partial: 0, unsupported: 0 };
      counts[verdict] = (counts[verdict] ?? 0) + 1;
      byKind.set(kind, counts);
    }
    const links = await db.link.count({ where: { claim: { dossierId: created.dossierId }, state: "suggested" } });
    // Exports as the reader asks for them: a dossier this large is exported by a job.
    const rssBeforeExports = peakRss();
    const exports: string[] = [];
    for (const format of ["jsonld", "md", "csv"] as const) {
      const requested = performance.now();
      const asked = await requestExport(db, { dossierId: created.dossierId, body: { format }, actor });
      const requestMs = performance.now() - requested;
      const ended = await phase(`export as ${format} (requestExport: ${asked.state === "done" ? "written in the request" : "an export job"})`, () => waitForJob(db, asked.id));
      if (ended.state !== "done") throw new Error(`the ${format} export ended ${ended.state}: ${ended.error}`);
      const file = await db.jobFile.findUniqueOrThrow({ where: { jobId_role: { jobId: asked.id, role: "output" } }, select: { bytes: true } });
      const { result } = await db.job.findUniqueOrThrow({ where: { id: asked.id }, select: { result: true } });
      const size = (result as { bytes: number }).bytes;
      exports.push(`${format} ${mb(size)} (stored gzipped: ${(file.bytes.length / 1024 ** 2).toFixed(1)} MB): request ${requestMs.toFixed(0)} ms, ready after ${seconds(phases[phases.length - 1].ms + requestMs)}`);
    }
    // A new version of the source with the most links, all of them accepted first: its links are
    // re-anchored inside the request (the suggestions' refresh is queued as a job).
    const [busiest] = await db.link.groupBy({
      by: ["versionId"],
      where: { claim: { dossierId: created.dossierId }, state: "suggested" },
      _count: { _all: true },
      orderBy: { _count: { versionId: "desc" } },
      take: 1,
    });
    const accepted = await db.link.updateMany({ where: { versionId: busiest.versionId, state: "suggested" }, data: { state: "accepted", verdict: "supports" } });
    const busiestVersion = await db.documentVersion.findUniqueOrThrow({ where: { id: busiest.versionId }, select: { documentId: true, text: true } });
    const paragraphs = busiestVersion.text.split("\n\n");
    const edited = [...paragraphs.slice(1, Math.floor(paragraphs.length / 2)), "A paragraph added in the new version.", ...paragraphs.slice(Math.floor(paragraphs.length / 2))].join("\n\n");
    // Posted as a request does: over the import budget it is read, stored and re-anchored by an import job.
    const version = await phase(`a new version of the source with the most links (${accepted.count} accepted links re-anchored, addDocumentVersion)`, async () => {
      const added = await addDocumentVersion(db, { documentId: busiestVersion.documentId, actor, document: { from: "text", text: edited, format: "text" }, background: true });
      if (!isQueued(added)) return { how: "in the request", anchors: added.anchors };
      const ended = await waitForJob(db, added.job.id);
      if (ended.state !== "done") throw new Error(`the import job ended ${ended.state}: ${ended.error}`);
      const { result } = await db.job.findUniqueOrThrow({ where: { id: added.job.id }, select: { result: true } });
      return { how: "by an import job", anchors: result as { anchored: number; changed: number; orphaned: number } };
    });
    const reanchored = `${accepted.count} links ${version.how} in ${seconds(phases[phases.length - 1].ms)}: ${version.anchors?.anchored ?? 0} anchored, ${version.anchors?.changed ?? 0} changed, ${version.anchors?.orphaned ?? 0} orphaned`;

    const sentences = prepareSources(generated.sources.map((s, i) => ({ id: String(i), text: s.text }))).index.sentences.length;
    const sorted = [...attachMs].sort((x, y) => x - y);

    clearInterval(heapTimer);
    const rss = peakRss();
    console.log("\nFigures");
    console.log(`  sources / words / sentences / claims: ${generated.sources.length} / ${words.toLocaleString("en")} / ${sentences.toLocaleString("en")} / ${claims.length}`);
    for (const p of phases) console.log(`  ${p.name}: ${seconds(p.ms)}`);
    console.log(`  attach: median ${seconds(sorted[Math.floor(sorted.length / 2)])}, slowest ${seconds(sorted[sorted.length - 1])}; ${superseded} earlier jobs superseded`);
    console.log(`  the last job: ${job.done} of ${job.total} claims in ${job.seconds.toFixed(1)} s (${(job.done / job.seconds).toFixed(0)} claims/s, sources indexed once), ${links} suggested links stored`);
    console.log(`  exports: ${exports.join("; ")}`);
    console.log(`  new version of the busiest source: ${reanchored}`);
    console.log(`  verdicts: ${verdicts.supported} supported, ${verdicts.partial} partial, ${verdicts.unsupported} unsupported`);
    for (const [kind, counts] of byKind) console.log(`    ${kind}: ${counts.supported} supported, ${counts.partial} partial, ${counts.unsupported} unsupported`);
    console.log(`  peak heap (sampled every 200 ms): ${mb(peakHeap)}`);
    console.log(`  peak RSS through the last job: ${mb(rssBeforeExports)} — ${rssBeforeExports < MEMORY_LIMIT_BYTES ? "PASS" : "FAIL"} (limit 1 GB)`);
    console.log(`  peak RSS after the exports and the new version too: ${mb(rss)}`);
    if (rss >= MEMORY_LIMIT_BYTES) process.exitCode = 1;
  } finally {
    clearInterval(heapTimer);
    setProcessJobQueue(undefined);
    await queue.stop();
    await db.$disconnect();
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
