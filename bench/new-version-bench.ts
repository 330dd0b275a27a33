// Times a new version of a large, heavily linked source: every decided link and span note is re-anchored in the request.
//
// A source of about 1 MB (the paragraphs of `bench:dossier`'s generator) with LINKS accepted links
// (one claim each, spread over the source) and NOTES span notes, in a fresh database: embedded
// PGlite by default, or the PostgreSQL database named by `--database URL` (dropped and made again).
// The new version deletes one paragraph, inserts one, and rewords a sentence in every twentieth
// paragraph, so most anchors move, some change and a few are orphaned. Prints the time of
// `addDocumentVersion` (one transaction: the version, its search passages, the re-anchoring, and
// queueing the suggestions' refresh, which the bench's queue does not run) and how the anchors ended.
//
// With `--background`, the version is posted as a request does (`background: true`): the request
// only checks and queues an import job, and the job reads the text, then stores the version with
// the re-anchoring in its last transaction; both times are printed.
//
// Run: npx tsx bench/new-version-bench.ts [--links 5000 --notes 500 --background --database postgresql://…]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import { splitSentences } from "@/core/segment/split-sentences.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { createDocument } from "@/server/documents/create-document.ts";
import { importJob } from "@/server/documents/import-job.ts";
import { isQueued } from "@/server/documents/queue-import.ts";
import { runTaskJob } from "@/server/jobs/run-task-job.ts";
import { setProcessJobQueue } from "@/server/jobs/process-job-queue.ts";
import { startJobQueue } from "@/server/jobs/start-job-queue.ts";
import { freshDatabase } from "./load/fresh-database.ts";
import { claimRows } from "./claim-rows.ts";
import { makeBenchEditor } from "./make-bench-editor.ts";
import { makeLargeDossier, seededRandom } from "./make-large-dossier.ts";

const { values: args } = parseArgs({
  options: {
    links: { type: "string", default: "5000" },
    notes: { type: "string", default: "500" },
    chars: { type: "string", default: "1000000" },
    database: { type: "string" },
    background: { type: "boolean", default: false },
  },
});
const LINKS = Number(args.links);
const NOTES = Number(args.notes);
const CHARS = Number(args.chars);

async function main() {
  const generated = makeLargeDossier({ sources: 1, words: Math.round(CHARS / 6), claims: 10 });
  const text = importPlainText(generated.sources[0].text.slice(0, CHARS));
  const sentences = splitSentences(text.text).filter((s) => s.end - s.start > 20);
  if (sentences.length < LINKS + NOTES) throw new Error(`the source has ${sentences.length} sentences, fewer than ${LINKS + NOTES}`);
  const rand = seededRandom(7);
  const picks = sentences.map((s) => ({ s, r: rand() })).sort((a, b) => a.r - b.r).slice(0, LINKS + NOTES).map((p) => p.s).sort((a, b) => a.start - b.start);

  let config: Parameters<typeof connectDatabase>[0];
  if (args.database) {
    await freshDatabase(args.database);
    config = { kind: "postgres", url: args.database };
  } else {
    config = { kind: "pglite", dataDir: path.join(mkdtempSync(path.join(tmpdir(), "new-version-bench-")), "data") };
  }
  const ready = await connectDatabase(config, { seed: false });
  const { prisma: db, database } = ready;
  // As in the app: the suggestions' refresh of a dossier this large is queued, not run in the request.
  const queue = await startJobQueue(ready, { pollingIntervalSeconds: 3600 });
  setProcessJobQueue(queue);
  try {
    const { workspaceId, userId, actor } = await makeBenchEditor(db);
    const dossier = await db.dossier.create({ data: { workspaceId: workspaceId, title: "New version bench", slug: "new-version-bench" } });
    const linked = picks.slice(0, LINKS);
    const noted = picks.slice(LINKS);
    const briefingText = importPlainText(linked.map((s, i) => `Claim ${i + 1} restates: ${text.text.slice(s.start, s.end)}`).join("\n\n"));
    const source = await createDocument(db, { dossierId: dossier.id, kind: "source", title: "Bench source", text });
    const briefing = await createDocument(db, { dossierId: dossier.id, kind: "briefing", title: "Bench briefing", text: briefingText });
    await db.claim.createMany({ data: claimRows(briefing, linked.map((s, i) => `Claim ${i + 1} restates: ${text.text.slice(s.start, s.end)}`), "statement") });
    const claims = await db.claim.findMany({ where: { dossierId: dossier.id }, orderBy: { order: "asc" }, select: { id: true } });
    const quote = (s: { start: number; end: number }) => ({
      exact: text.text.slice(s.start, s.end),
      prefix: text.text.slice(Math.max(0, s.start - 32), s.start),
      suffix: text.text.slice(s.end, s.end + 32),
      start: s.start,
      end: s.end,
    });
    await db.link.createMany({
      data: linked.map((s, i) => ({ claimId: claims[i].id, versionId: source.version.id, ...quote(s), origin: "manual" as const, state: "accepted" as const, verdict: "supports" as const })),
    });
    await db.annotation.createMany({
      data: noted.map((s, i) => ({ dossierId: dossier.id, versionId: source.version.id, target: "span" as const, authorId: userId, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Note ${i + 1}` }] }] }, bodyText: `Note ${i + 1}`, anchorStatus: "anchored" as const, ...quote(s) })),
    });

    // The new version: a paragraph gone, one added, a sentence reworded in every twentieth.
    const paragraphs = text.text.split("\n\n");
    const middle = Math.floor(paragraphs.length / 2);
    const edited = paragraphs
      .flatMap((p, i) => (i === 3 ? [] : i === middle ? ["A paragraph added in the new version, about nothing the claims say.", p] : [p]))
      .map((p, i) => (i % 20 === 7 ? p.replace(/\b(the|said|report)\b/, "THAT") : p))
      .join("\n\n");

    console.log(`${config.kind === "postgres" ? "PostgreSQL" : "PGlite"}: a source of ${text.text.length.toLocaleString("en")} characters, ${LINKS.toLocaleString("en")} accepted links, ${NOTES.toLocaleString("en")} span notes`);
    const document = { from: "text" as const, text: edited, format: "text" as const };
    let versionId: string;
    if (args.background) {
      const requested = performance.now();
      const queued = await addDocumentVersion(db, { documentId: source.document.id, actor, document, background: true });
      const requestMs = performance.now() - requested;
      if (!isQueued(queued)) throw new Error("the import was not queued");
      console.log(`request (checks, queues the import job): ${requestMs.toFixed(0)} ms`);
      const started = performance.now();
      // The job's work, run here rather than waiting for the worker's next poll.
      const outcome = await runTaskJob(db, queued.job.id, importJob);
      const ms = performance.now() - started;
      const job = await db.job.findUniqueOrThrow({ where: { id: queued.job.id } });
      const result = job.result as { versionId: string; anchored: number; changed: number; orphaned: number };
      console.log(`import job (${outcome}, ${job.done} of ${job.total} steps): ${(ms / 1000).toFixed(2)} s — ${result.anchored.toLocaleString("en")} anchored, ${result.changed} changed, ${result.orphaned} orphaned of ${(LINKS + NOTES).toLocaleString("en")}`);
      versionId = result.versionId;
    } else {
      const started = performance.now();
      const added = await addDocumentVersion(db, { documentId: source.document.id, actor, document });
      const ms = performance.now() - started;
      const a = added.anchors!;
      console.log(`new version (addDocumentVersion, one transaction): ${(ms / 1000).toFixed(2)} s — ${a.anchored.toLocaleString("en")} anchored, ${a.changed} changed, ${a.orphaned} orphaned of ${(LINKS + NOTES).toLocaleString("en")}`);
      versionId = added.versionId;
    }
    console.log(`peak memory (max RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    const moved = await db.link.count({ where: { versionId } });
    console.log(`links now on the new version: ${moved.toLocaleString("en")}`);
  } finally {
    setProcessJobQueue(undefined);
    await queue.stop();
    await db.$disconnect();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
