// Kills the app with SIGKILL in the middle of a stream of writes, restarts it, and checks that every acknowledged write survived.
//
// For each database (embedded PGlite in a folder, then PostgreSQL at KILL_DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/attest_kill, dropped and made again):
// 1. starts the built app, signs up the owner of the example dossier, links WRITERS claims by hand
//    and makes a personal access token;
// 2. ROUNDS times: starts the app, streams up to 1,000 verdict changes from WRITERS concurrent
//    writers (each on its own link, each write carrying the revision it last saw), kills the
//    process with SIGKILL once 100–900 of them (at random) are acknowledged, while the others are
//    in flight, starts it again and reads every link back:
//    each link's revision must be at least 1 + the writes acknowledged for it;
// 3. at the end, checks that nothing is half-written: every link's revision is exactly 1 + the
//    entries the activity log holds for it (a change and its log entry commit together).
//
// PGlite runs with fsync off: what this shows for it is survival of a killed process, not of an
// operating-system crash; that durability is PostgreSQL's.
//
// Run: npm run bench:kill [-- --rounds 20 --only pglite|postgres]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freshDatabase } from "./load/fresh-database.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import type { DatabaseConfig } from "@/server/db/database-config.ts";
import { startApp, type RunningApp } from "../tests/e2e/start-app.ts";

const { values: args } = parseArgs({ options: { rounds: { type: "string", default: "20" }, only: { type: "string" } } });
const ROUNDS = Number(args.rounds);
const WRITES_PER_ROUND = 1_000;
const WRITERS = 8;
const PG_URL = process.env.KILL_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/attest_kill";
const VERDICTS = ["supports", "partial", "contradicts"] as const;

interface Setup {
  token: string;
  dossierId: string;
  links: string[];
}

async function call(app: RunningApp, pathName: string, init: { method?: string; body?: unknown; token?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", origin: app.url };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.cookie = init.cookie;
  const response = await fetch(`${app.url}${pathName}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

async function setUp(app: RunningApp): Promise<Setup> {
  const signUp = await call(app, "/api/auth/sign-up/email", { method: "POST", body: { name: "Kim Kill", email: "kim@kill.test", password: "correct horse battery staple" } });
  if (signUp.status !== 200) throw new Error(`sign-up answered ${signUp.status}`);
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const home = await fetch(`${app.url}/`, { headers: { cookie } }).then((r) => r.text());
  const dossierId = home.match(/\/dossiers\/([0-9a-f-]{36})/)?.[1];
  if (!dossierId) throw new Error("the example dossier is not on the home page");
  const dossier = (await call(app, `/api/v1/dossiers/${dossierId}`, { cookie })).body;
  const made = await call(app, "/api/v1/tokens", { method: "POST", cookie, body: { name: "Kill bench", workspaceId: dossier.workspaceId, role: "reviewer" } });
  if (made.status !== 201) throw new Error(`token: ${made.status} ${JSON.stringify(made.body)}`);
  const source = dossier.sources[0];
  const links: string[] = [];
  for (let i = 0; i < WRITERS; i++) {
    const start = i * 40;
    const created = await call(app, `/api/v1/claims/${dossier.claims[i].id}/links`, {
      method: "POST",
      token: made.body.token,
      body: { versionId: source.versionId, start, end: start + 30, verdict: "supports" },
    });
    if (created.status !== 201) throw new Error(`link ${i}: ${created.status} ${JSON.stringify(created.body)}`);
    links.push(created.body.id);
  }
  return { token: made.body.token, dossierId, links };
}

/** Each link's revision as the API reads it. */
async function revisions(app: RunningApp, setup: Setup): Promise<Map<string, number>> {
  const dossier = (await call(app, `/api/v1/dossiers/${setup.dossierId}`, { token: setup.token })).body;
  return new Map((dossier.links as { id: string; revision: number }[]).filter((l) => setup.links.includes(l.id)).map((l) => [l.id, l.revision]));
}

async function runDatabase(name: string, env: Record<string, string>, config: DatabaseConfig, dataDir?: string) {
  console.log(`\n== ${name}`);
  let app = await startApp({ env, dataDir });
  const setup = await setUp(app);
  const acked = new Map(setup.links.map((id) => [id, 0]));
  let totalAcked = 0;
  let failedRounds = 0;
  let restartMs = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const seen = await revisions(app, setup);
    let sent = 0;
    let roundAcked = 0;
    let killed = false;
    // Killed in the middle of the stream: after 100–900 acknowledged writes of this round.
    const killAt = 100 + Math.floor(Math.random() * 800);
    let reached: () => void = () => {};
    const killPoint = new Promise<void>((resolve) => (reached = resolve));
    const writer = async (linkId: string) => {
      let revision = seen.get(linkId)!;
      let verdict = round;
      while (!killed && sent < WRITES_PER_ROUND) {
        sent++;
        try {
          const result = await call(app, `/api/v1/links/${linkId}/decision`, {
            method: "POST",
            token: setup.token,
            body: { state: "accepted", verdict: VERDICTS[verdict++ % 3], revision },
          });
          if (result.status === 200) {
            revision = result.body.revision;
            acked.set(linkId, acked.get(linkId)! + 1);
            totalAcked++;
            if (++roundAcked >= killAt) reached();
          } else if (result.status === 409) revision = result.body.error.details?.link?.revision ?? revision;
          else throw new Error(`write answered ${result.status}: ${JSON.stringify(result.body)}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const writing = Promise.all(setup.links.map(writer));
    await Promise.race([killPoint, writing]);
    killed = true;
    await app.stop("SIGKILL");
    await writing;
    const restartStarted = performance.now();
    app = await startApp({ env, dataDir: app.dataDir });
    restartMs += performance.now() - restartStarted;
    const after = await revisions(app, setup);
    const short = setup.links.filter((id) => (after.get(id) ?? 0) < 1 + acked.get(id)!);
    if (short.length) failedRounds++;
    console.log(`round ${String(round).padStart(2)}: killed after ${roundAcked} acknowledged of ${sent} writes sent; acknowledged so far ${totalAcked}; links missing writes: ${short.length}`);
  }
  await app.stop();
  // Nothing half-written: each link's revision matches its log entries.
  const { prisma, database } = await connectDatabase(config, { seed: false });
  let inconsistent = 0;
  let lost = 0;
  try {
    for (const id of setup.links) {
      const link = await prisma.link.findUniqueOrThrow({ where: { id }, select: { revision: true } });
      const logged = await prisma.activity.count({ where: { entityType: "link", entityId: id, action: { not: "link.created" } } });
      if (link.revision !== 1 + logged) inconsistent++;
      if (link.revision < 1 + acked.get(id)!) lost += 1 + acked.get(id)! - link.revision;
    }
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
  console.log(
    `${name}: ${ROUNDS} kills, ${totalAcked} acknowledged writes, lost ${lost}, rounds with a missing write ${failedRounds}, links whose revision and log disagree ${inconsistent}, mean restart ${(restartMs / ROUNDS / 1000).toFixed(1)} s`,
  );
  return lost + failedRounds + inconsistent;
}

async function main() {
  let problems = 0;
  if (args.only !== "postgres") {
    const dataDir = mkdtempSync(path.join(tmpdir(), "attest-kill-"));
    try {
      problems += await runDatabase("embedded PGlite", { DATABASE_URL: "" }, { kind: "pglite", dataDir }, dataDir);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (args.only !== "pglite") {
    await freshDatabase(PG_URL);
    problems += await runDatabase("PostgreSQL", { DATABASE_URL: PG_URL }, { kind: "postgres", url: PG_URL });
  }
  if (problems > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
