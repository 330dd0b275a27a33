// Times a suggestion job on the embedded database: 2,000 claims (WiCE's dev set) against a 50,000-word source,
// beside the same refresh inside one request transaction. `npx tsx scripts/measure-suggestion-job.ts`
import { connectDatabase } from "../server/db/connect-database.ts";
import { createDossier } from "../server/dossiers/create-dossier.ts";
import { addSource } from "../server/documents/add-source.ts";
import { startJobQueue } from "../server/jobs/start-job-queue.ts";
import { setProcessJobQueue } from "../server/jobs/process-job-queue.ts";
import { refreshSuggestions } from "../server/suggestions/refresh-suggestions.ts";
import { readFileSync } from "node:fs";

// A PostgreSQL URL as the first argument measures there instead (the database is filled, not emptied).
const url = process.argv[2];
const ready = await connectDatabase(url ? { kind: "postgres", url } : { kind: "pglite", dataDir: "memory://" }, { seed: true });
const db = ready.prisma;
const ws = await db.workspace.findFirstOrThrow();
const user = await db.user.create({ data: { email: "m@example.test", name: "M" } });
await db.membership.create({ data: { workspaceId: ws.id, userId: user.id, role: "owner" } });
const actor = { kind: "user" as const, userId: user.id, name: "M", email: "m@example.test" };
const wice = JSON.parse(readFileSync("/work/shared/eval/wice-dev.json", "utf8"));
const items = wice.items as { claim: string; source: { text: string } }[];
const claims = items.map((x) => x.claim);
const sources = items.map((x) => x.source.text);
let briefing = "";
let i = 0;
while (briefing.split("\n").length < 2000) briefing += `${claims[i++ % claims.length].replace(/\n/g, " ")}\n`;
const sourceText = sources.join("\n\n").split(/\s+/).slice(0, 50_000).join(" ");
const queue = await startJobQueue(ready, { syncBudget: 0, work: false });
setProcessJobQueue(queue);
const created = await createDossier(db, { dossier: { workspaceId: ws.id, title: "Big" }, briefing: { from: "text", text: briefing }, actor });
let t = performance.now();
const added = await addSource(db, { actor, dossierId: created.dossierId, document: { from: "text", text: sourceText } });
console.log(`attach a source, job path (request): ${(performance.now() - t).toFixed(0)} ms, claims ${await db.claim.count({ where: { dossierId: created.dossierId, retiredAt: null } })}, source words ${sourceText.split(/\s+/).length}`);
await queue.stop();
const batches: number[] = [];
let last = performance.now();
const started = performance.now();
let firstBatch = 0;
const q2 = await startJobQueue(ready, { syncBudget: 0, pollingIntervalSeconds: 0.5, beforeBatch: () => { const now = performance.now(); batches.push(now - last); last = now; if (!firstBatch) firstBatch = now - started; } });
for (;;) {
  const job = await db.job.findUniqueOrThrow({ where: { id: added.jobId! } });
  if (job.state === "done" || job.state === "failed") { console.log(`job ${job.state} ${job.done}/${job.total} in ${((job.finishedAt!.getTime() - job.startedAt!.getTime()) / 1000).toFixed(1)} s; batches ${batches.length}, median between batches ${batches.sort((a, b) => a - b)[Math.floor(batches.length / 2)].toFixed(0)} ms`); break; }
  await new Promise((r) => setTimeout(r, 200));
}
await q2.stop();
t = performance.now();
await db.$transaction((tx) => refreshSuggestions(tx, created.dossierId), { timeout: 600_000 });
console.log(`the same refresh in one request transaction: ${((performance.now() - t) / 1000).toFixed(1)} s`);
await db.$disconnect(); await ready.database.close();
process.exit(0);
