// Measures what one read of a dossier (`getDossierOrThrow`, behind the dossier API and the reader
// page) costs in CPU: of this Node process and of the PostgreSQL backends serving it.
//
// 1. Makes a fresh PostgreSQL database (READ_BENCH_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/attest_read_bench — dropped and created again).
// 2. Seeds two dossiers, each a source and a briefing: 200 claims with one suggested link each
//    (the load bench's dossier), and 500 claims with ten links each (the reader bench's 5,000),
//    some accepted with verdicts, some rejected (left out of the view), with the engine's checks.
// 3. For each: warms up, then reads the dossier CALLS times in a row, ROUNDS times, and prints per
//    call the Node CPU (process.cpuUsage), the CPU of the PostgreSQL backends connected to the
//    bench's database (utime + stime in /proc/PID/stat: other work on the server does not count)
//    and of all `postgres` processes (which does), their sum, and the wall-clock time; the median
//    round of each.
//
// Run: npm run bench:read [-- --calls 300 --rounds 3]
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import type { Db } from "@/server/db.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { createDocument } from "@/server/documents/create-document.ts";
import { getDossierOrThrow } from "@/server/dossiers/get-dossier-or-throw.ts";
import { EXAMPLE_WORKSPACE_SLUG } from "@/server/examples/example-workspace-slug.ts";
import type { Actor } from "@/server/policies/actor.ts";
import { claimRows } from "./claim-rows.ts";
import { freshDatabase } from "./load/fresh-database.ts";

const { values: args } = parseArgs({ options: { calls: { type: "string", default: "300" }, rounds: { type: "string", default: "3" } } });
const CALLS = Number(args.calls);
const ROUNDS = Number(args.rounds);
const URL_ = process.env.READ_BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/attest_read_bench";
/** Clock ticks per second of /proc/PID/stat's times (100 on Linux here). */
const TICKS_PER_SECOND = 100;

const SHAPES = [
  { claims: 200, linksPerClaim: 1 },
  { claims: 500, linksPerClaim: 10 },
];

async function main() {
  console.log(`Dossier read: ${CALLS} calls × ${ROUNDS} rounds per dossier on PostgreSQL (${URL_.replace(/\/\/[^@]*@/, "//")}); load average ${loadAverage()}`);
  await freshDatabase(URL_);
  const { prisma, database } = await connectDatabase({ kind: "postgres", url: URL_ }, { seed: true });
  const name = new URL(URL_).pathname.slice(1);
  const monitor = new pg.Client({ connectionString: URL_ });
  await monitor.connect();
  try {
    const workspaceId = (await prisma.workspace.findUniqueOrThrow({ where: { slug: EXAMPLE_WORKSPACE_SLUG } })).id;
    const user = await prisma.user.create({ data: { email: "reader@bench.test", name: "Reader" } });
    await prisma.membership.create({ data: { workspaceId, userId: user.id, role: "viewer" } });
    const actor: Actor = { kind: "user", userId: user.id, name: user.name, email: user.email };
    for (const shape of SHAPES) {
      const dossierId = await seedDossier(prisma, workspaceId, shape.claims, shape.linksPerClaim);
      const view = await getDossierOrThrow(prisma, dossierId, actor);
      for (let i = 0; i < 30; i++) await getDossierOrThrow(prisma, dossierId, actor);
      const rounds: { node: number; backends: number; all: number; wall: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const pids = await backendPids(monitor, name);
        const before = { node: process.cpuUsage(), backends: ticksOf(pids), all: ticksOf(postgresPids()), wall: performance.now() };
        for (let i = 0; i < CALLS; i++) await getDossierOrThrow(prisma, dossierId, actor);
        const wall = performance.now() - before.wall;
        const node = process.cpuUsage(before.node);
        const afterPids = await backendPids(monitor, name);
        if (afterPids.some((pid) => !pids.includes(pid))) console.log("  (a backend connected during the round: its start counts too)");
        rounds.push({
          node: (node.user + node.system) / 1000 / CALLS,
          backends: ((ticksOf(afterPids) - before.backends) * 1000) / TICKS_PER_SECOND / CALLS,
          all: ((ticksOf(postgresPids()) - before.all) * 1000) / TICKS_PER_SECOND / CALLS,
          wall: wall / CALLS,
        });
      }
      const median = (pick: (r: (typeof rounds)[number]) => number) => [...rounds.map(pick)].sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
      const f = (n: number) => n.toFixed(2);
      console.log(`\n${shape.claims} claims, ${view.links.length} links in the view (${shape.claims * shape.linksPerClaim} stored and shown, plus rejected ones left out):`);
      for (const [i, r] of rounds.entries()) {
        console.log(`  round ${i + 1}: Node ${f(r.node)} ms, PostgreSQL ${f(r.backends)} ms (all postgres processes ${f(r.all)}), total ${f(r.node + r.backends)} ms CPU; wall ${f(r.wall)} ms per call`);
      }
      console.log(`  median: Node ${f(median((r) => r.node))} ms + PostgreSQL ${f(median((r) => r.backends))} ms = ${f(median((r) => r.node + r.backends))} ms CPU per call; wall ${f(median((r) => r.wall))} ms`);
    }
    console.log(`\nload average ${loadAverage()}`);
  } finally {
    await monitor.end();
    await prisma.$disconnect();
    await database.close();
  }
}

/** A dossier of a source and a briefing of `claims` claims, each with `linksPerClaim` shown links and one rejected. */
async function seedDossier(db: Db, workspaceId: string, claims: number, linksPerClaim: number): Promise<string> {
  const sentences = Array.from({ length: claims }, (_, i) => `Officials reported ${i + 10} new border crossings in district ${i + 1} during week ${(i % 52) + 1}.`);
  const source = importPlainText(sentences.map((s, i) => (i % 8 === 7 ? `${s}\n\n` : `${s} `)).join(""));
  const briefing = importPlainText(sentences.map((s) => s.replace("Officials reported", "The briefing says officials saw")).join(" "));
  return db.$transaction(
    async (tx) => {
      const dossier = await tx.dossier.create({ data: { workspaceId, title: `Read bench ${claims}`, slug: `read-${claims}-${linksPerClaim}` } });
      const src = await createDocument(tx, { dossierId: dossier.id, kind: "source", title: "Bench source", text: source, author: "A. Reporter" });
      const brief = await createDocument(tx, { dossierId: dossier.id, kind: "briefing", title: "Bench briefing", text: briefing });
      await tx.claim.createMany({
        data: claimRows(brief, sentences.map((s) => s.replace("Officials reported", "The briefing says officials saw")), "number").map((row) => ({
          ...row,
          section: row.order % 20 === 0 ? "Border" : null,
          support: row.order % 4 === 0 ? null : 0.5 + (row.order % 50) / 100,
          suggestedVerdict: row.order % 4 === 0 ? null : ("supported" as const),
        })),
      });
      const rows = await tx.claim.findMany({ where: { dossierId: dossier.id }, orderBy: { order: "asc" }, select: { id: true } });
      const verdicts = ["supports", "partial", "contradicts"] as const;
      await tx.link.createMany({
        data: rows.flatMap((claim, i) => {
          const sentence = sentences[i];
          return Array.from({ length: linksPerClaim + 1 }, (_, rank) => {
            // Spread the links over the source; the last of each claim is rejected.
            const target = sentences[(i + rank * 37) % sentences.length];
            const at = rank === 0 ? source.text.indexOf(sentence) : source.text.indexOf(target);
            const exact = rank === 0 ? sentence : target;
            const accepted = rank === 0 && i % 3 === 0;
            const rejected = rank === linksPerClaim;
            return {
              claimId: claim.id,
              versionId: src.version.id,
              exact,
              prefix: source.text.slice(Math.max(0, at - 32), at),
              suffix: source.text.slice(at + exact.length, at + exact.length + 32),
              start: at,
              end: at + exact.length,
              origin: "suggested" as const,
              score: 0.9 - rank * 0.05,
              rank,
              state: rejected ? ("rejected" as const) : accepted ? ("accepted" as const) : ("suggested" as const),
              verdict: accepted ? verdicts[i % 3] : null,
              checks: { quotes: [], mismatches: rank % 3 === 1 ? [{ kind: "number", claim: `${i + 10}`, source: `${i + 11}` }] : [] },
            };
          });
        }),
      });
      return dossier.id;
    },
    { timeout: 120_000 },
  );
}

/** The PostgreSQL backends connected to the database `name` (the monitor's own included; it idles). */
async function backendPids(monitor: pg.Client, name: string): Promise<number[]> {
  const { rows } = await monitor.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [name]);
  return rows.map((r) => r.pid);
}

/** Every process named `postgres` on this machine. */
function postgresPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
      } catch {
        return false;
      }
    });
}

/** utime + stime of the processes, in clock ticks (a process gone meanwhile counts 0). */
function ticksOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // exited
    }
  }
  return ticks;
}

function loadAverage(): string {
  return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
