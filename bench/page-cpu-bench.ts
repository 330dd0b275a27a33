// What one read of the dossier page costs the server in CPU, in the built app on PostgreSQL.
//
// 1. Makes a fresh PostgreSQL database (PAGE_CPU_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/attest_page_cpu — dropped and created again), starts the
//    built app on it (building it when stale), signs up the owner and seeds the load benches'
//    dossier of CLAIMS claims (one suggested link each).
// 2. Reads `GET /dossiers/:id` with the owner's cookie WARMUP times, then ROUNDS rounds of READS
//    sequential reads. Each round's cost is the app process's CPU (utime + stime from
//    /proc/PID/stat) over the round divided by its reads.
// 3. Prints ms of CPU per page read for each round and their median, and the page's size.
// With `--profile`, the app loads bench/cpu-profile-preload.mjs and the V8 CPU profiler runs over
// the measured rounds only (started and stopped with SIGUSR2); the functions with the most self
// time in that profile are listed after the figures.
//
// Run: npx tsx bench/page-cpu-bench.ts [-- --claims 200 --reads 100 --rounds 5 --warmup 50 --profile]
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startApp } from "../tests/e2e/start-app.ts";
import { callJson } from "./load/call-json.ts";
import { freshDatabase } from "./load/fresh-database.ts";
import { seedLoadDossier } from "./load/seed-load-dossier.ts";

const { values: args } = parseArgs({
  options: {
    claims: { type: "string", default: "200" },
    reads: { type: "string", default: "100" },
    rounds: { type: "string", default: "5" },
    warmup: { type: "string", default: "50" },
    profile: { type: "boolean", default: false },
  },
});
const CLAIMS = Number(args.claims);
const READS = Number(args.reads);
const ROUNDS = Number(args.rounds);
const WARMUP = Number(args.warmup);
const DATABASE_URL = process.env.PAGE_CPU_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/attest_page_cpu";
/** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The CPU (user + system) process `pid` has used so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  console.log(`Page CPU: ${CLAIMS} claims, ${WARMUP} warm-up reads, ${ROUNDS} rounds of ${READS} reads${args.profile ? ", profiled" : ""}`);
  await freshDatabase(DATABASE_URL);
  const profileFile = args.profile ? path.join(mkdtempSync(path.join(tmpdir(), "attest-page-cpu-")), "page.cpuprofile") : null;
  const env: Record<string, string> = { DATABASE_URL, NODE_ENV: "production" };
  if (profileFile) {
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --import ${path.join(import.meta.dirname, "cpu-profile-preload.mjs")}`.trim();
    env.CPU_PROFILE_FILE = profileFile;
  }
  const app = await startApp({ env });
  try {
    const signUp = await callJson(`${app.url}/api/auth/sign-up/email`, {
      method: "POST",
      body: JSON.stringify({ name: "Page Owner", email: "owner@page.test", password: "correct horse battery staple" }),
    });
    if (signUp.status !== 200) throw new Error(`sign-up answered ${signUp.status}: ${JSON.stringify(signUp.body)}`);
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { dossierId } = await seedLoadDossier(DATABASE_URL, CLAIMS);

    let bytes = 0;
    const read = async () => {
      const response = await fetch(`${app.url}/dossiers/${dossierId}`, { headers: { cookie } });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`the page answered ${response.status}: ${body.slice(0, 300)}`);
      if (!body.includes("data-claim-id")) throw new Error("the page holds no claim");
      bytes = body.length;
    };
    for (let i = 0; i < WARMUP; i++) await read();
    const perRead: number[] = [];
    if (profileFile) process.kill(app.pid, "SIGUSR2");
    for (let round = 0; round < ROUNDS; round++) {
      const before = cpuMs(app.pid);
      const started = performance.now();
      for (let i = 0; i < READS; i++) await read();
      const cpu = (cpuMs(app.pid) - before) / READS;
      perRead.push(cpu);
      console.log(`Round ${round + 1}: ${cpu.toFixed(1)} ms CPU per page read (${((performance.now() - started) / READS).toFixed(1)} ms wall)`);
    }
    if (profileFile) {
      process.kill(app.pid, "SIGUSR2");
      const deadline = Date.now() + 60_000;
      while (!existsSync(profileFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`Page: ${(bytes / 1024).toFixed(0)} KB of HTML (RSC payload included)`);
    console.log(`Median: ${median(perRead).toFixed(1)} ms CPU per page read over ${ROUNDS} rounds`);
  } finally {
    await app.stop();
  }
  if (profileFile) printProfile(profileFile);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/** Lists the functions with the most self time in the profile in `file`. */
function printProfile(file: string) {
  if (!existsSync(file)) return console.log(`No profile was written to ${file}`);
  const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const where = url ? `${url.replace(/^.*\/(\.next|node_modules)\//, "$1/")}:${lineNumber + 1}:${columnNumber + 1}` : "";
    const key = `${functionName || "(anonymous)"} ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  console.log(`\nProfile ${file} (${(total / 1e6).toFixed(1)} s sampled); top self time:`);
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
