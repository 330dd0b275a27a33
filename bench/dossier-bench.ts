// Measures a large dossier end to end: 50 sources of together 1,000,000 words and a briefing of 2,000 claims, stored through the server's use cases and aligned batch by batch.
//
// The dossier is built by `makeLargeDossier` (real text recombined with a seeded generator; see
// bench/make-large-dossier.ts), stored on a file-backed embedded database in a temporary folder
// (migrated first in a process of its own, as `npm run db:migrate` does):
// - the dossier with its briefing through `createDossier` (claims extracted and stored, and a
//   first refresh of suggestions, against no source yet);
// - the first source through `addSource`, which refreshes the suggestions of all 2,000 claims
//   inside its transaction;
// - sources 2–49 with the server's own `readDocumentInput` and `createDocument`, one
//   transaction each, without that refresh (49 full refreshes would take the bench most of an
//   hour; `--all-add-source` does it anyway);
// - the last source through `addSource` again, now refreshing against all 50 sources: the cost
//   that attaching a source to a dossier of this size has today.
// Then `computeSuggestions` aligns every claim against the stored sources in batches, printing
// progress, and the verdicts are counted and compared with those the last refresh stored. Last,
// the server's `refreshSuggestions` runs once more on its own, to set the engine's share of a
// refresh against the share of writing the results.
//
// Figures: words, sentences, claims; time of each phase; claims per second of the batched
// alignment; the process's peak resident memory (PASS under 1 GB, else FAIL) and its heap.
//
// Run: npm run bench:dossier [-- --sources 50 --words 1000000 --claims 2000 --batch 100 --all-add-source]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { alignClaimBatch } from "@/core/alignment/align-claims.ts";
import { prepareSources } from "@/core/alignment/prepare-sources.ts";
import type { ClaimAlignment } from "@/core/alignment/types.ts";
import type { Db } from "@/server/db.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { createDocument } from "@/server/documents/create-document.ts";
import { readDocumentInput } from "@/server/documents/read-document-input.ts";
import { createDossier } from "@/server/dossiers/create-dossier.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { refreshSuggestions } from "@/server/suggestions/refresh-suggestions.ts";
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
const ALL_ADD_SOURCE = args.includes("--all-add-source");
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

/** Time spent aligning claims in batches, the index aside. */
let alignSeconds = 0;

/** Progress of a long step: how many claims are done of how many. */
export type Progress = (done: number, total: number) => void;

/**
 * Computes the suggestions of every live claim of the dossier's briefing against the latest
 * version of each source, batch by batch, reporting progress after each batch. (The step a
 * background job will take over: enqueue, then wait while it reports the same progress.)
 */
async function computeSuggestions(db: Db, dossierId: string, progress: Progress): Promise<ClaimAlignment[]> {
  let started = performance.now();
  const [claims, sources] = await Promise.all([
    db.claim.findMany({
      where: { dossierId, retiredAt: null, document: { kind: "briefing" } },
      orderBy: { order: "asc" },
      select: { id: true, text: true },
    }),
    db.document.findMany({
      where: { dossierId, kind: "source" },
      orderBy: { position: "asc" },
      select: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, text: true } } },
    }),
  ]);
  console.log(`  read ${claims.length} claims and ${sources.length} sources: ${seconds(performance.now() - started)}`);
  started = performance.now();
  const prepared = prepareSources(sources.flatMap((s) => s.versions).map((v) => ({ id: v.id, text: v.text })));
  console.log(`  prepared ${prepared.index.sentences.length} sentences: ${seconds(performance.now() - started)}`);
  started = performance.now();
  const alignments: ClaimAlignment[] = [];
  progress(0, claims.length);
  for (let done = 0; done < claims.length; done += BATCH) {
    alignments.push(...alignClaimBatch(prepared, claims.slice(done, done + BATCH)));
    progress(alignments.length, claims.length);
    // Let the event loop breathe between batches, as a job sharing the process would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  alignSeconds = (performance.now() - started) / 1000;
  return alignments;
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
  const { prisma: db, database } = await phase("open the database", () => connectDatabase({ kind: "pglite", dataDir }, { seed: false }));
  try {
    const workspace = await db.workspace.create({ data: { name: "Bench newsroom", slug: "bench" } });
    const user = await db.user.create({ data: { email: "bench@example.test", name: "Bench Editor" } });
    await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "editor" } });
    const actor: Actor = { kind: "user", userId: user.id, name: user.name, email: user.email };

    const created = await phase("create the dossier with its briefing (createDossier)", () =>
      createDossier(db, {
        actor,
        dossier: { workspaceId: workspace.id, title: "Large dossier" },
        briefing: { from: "text", text: generated.briefing, format: "text" },
      }),
    );
    if (created.claims !== generated.claims.length) throw new Error(`the briefing gave ${created.claims} claims, not ${generated.claims.length}`);

    const attach = (i: number) => {
      const source = generated.sources[i];
      return addSource(db, { dossierId: created.dossierId, actor, document: { from: "text", text: source.text, format: "text" }, metadata: { title: source.title } });
    };
    const store = async (i: number) => {
      const source = generated.sources[i];
      const read = await readDocumentInput({ from: "text", text: source.text, format: "text" });
      await db.$transaction(
        (tx) => createDocument(tx, { dossierId: created.dossierId, kind: "source", title: source.title, text: read.text, createdById: user.id }),
        { timeout: 120_000 },
      );
    };
    const last = generated.sources.length - 1;
    let addSourceFailure: string | undefined;
    const firstAdd = await phase("attach source 1 (addSource, refreshing all claims)", () => attach(0));
    if (ALL_ADD_SOURCE) {
      for (let i = 1; i < last; i++) await phase(`attach source ${i + 1} (addSource)`, () => attach(i));
    } else {
      await phase(`store sources 2–${last} (createDocument, no refresh)`, async () => {
        for (let i = 1; i < last; i++) await store(i);
      });
    }
    try {
      await phase(`attach source ${last + 1} (addSource, refreshing all claims against all sources)`, () => attach(last));
    } catch (error) {
      // addSource's transaction may outlive its timeout at this size: say so, store the source
      // without the refresh, and go on measuring.
      addSourceFailure = error instanceof Error ? error.message.split("\n")[0] : String(error);
      console.log(`attaching source ${last + 1} through addSource failed: ${addSourceFailure}`);
      await phase(`store source ${last + 1} (createDocument, no refresh)`, () => store(last));
    }

    const alignments = await phase(`compute suggestions for all claims (batches of ${BATCH})`, () =>
      computeSuggestions(db, created.dossierId, (done, total) => console.log(`  suggestions: ${done} / ${total} claims`)),
    );

    // The server's own refresh, alone in a transaction: the engine over all claims plus writing
    // each claim's verdict and its suggested links, as every addSource does today.
    await phase("refreshSuggestions alone (server, one transaction)", () =>
      db.$transaction((tx) => refreshSuggestions(tx, created.dossierId), { timeout: 600_000 }),
    );

    const verdicts = { supported: 0, partial: 0, unsupported: 0 };
    for (const a of alignments) verdicts[a.verdict]++;
    const stored = await db.claim.groupBy({ by: ["suggestedVerdict"], where: { dossierId: created.dossierId }, _count: true });
    const storedVerdicts = Object.fromEntries(stored.map((s) => [s.suggestedVerdict ?? "none", s._count]));
    const sentences = prepareSources(generated.sources.map((s, i) => ({ id: String(i), text: s.text }))).index.sentences.length;
    const byKind = new Map<string, Record<string, number>>();
    const order = new Map((await db.claim.findMany({ where: { dossierId: created.dossierId }, select: { id: true, order: true } })).map((c) => [c.id, c.order]));
    for (const a of alignments) {
      const kind = generated.claims[order.get(a.id)!].kind;
      const counts = byKind.get(kind) ?? { supported: 0, partial: 0, unsupported: 0 };
      counts[a.verdict]++;
      byKind.set(kind, counts);
    }

    clearInterval(heapTimer);
    const rss = peakRss();
    console.log("\nFigures");
    console.log(`  sources / words / sentences / claims: ${generated.sources.length} / ${words.toLocaleString("en")} / ${sentences.toLocaleString("en")} / ${alignments.length}`);
    for (const p of phases) console.log(`  ${p.name}: ${seconds(p.ms)}`);
    console.log(`  claims per second (the batches, after the sources are prepared): ${(alignments.length / alignSeconds).toFixed(0)}`);
    console.log(`  addSource on the first source: ${firstAdd.suggested} suggestions stored`);
    if (addSourceFailure) console.log(`  addSource on the last source: FAILED (${addSourceFailure})`);
    console.log(`  verdicts: ${verdicts.supported} supported, ${verdicts.partial} partial, ${verdicts.unsupported} unsupported`);
    for (const [kind, counts] of byKind) console.log(`    ${kind}: ${counts.supported} supported, ${counts.partial} partial, ${counts.unsupported} unsupported`);
    console.log(`  verdicts stored by the last refresh: ${JSON.stringify(storedVerdicts)}`);
    console.log(`  peak heap (sampled every 200 ms): ${mb(peakHeap)}`);
    console.log(`  peak RSS: ${mb(rss)} — ${rss < MEMORY_LIMIT_BYTES ? "PASS" : "FAIL"} (limit 1 GB)`);
    if (rss >= MEMORY_LIMIT_BYTES) process.exitCode = 1;
  } finally {
    clearInterval(heapTimer);
    await db.$disconnect();
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
