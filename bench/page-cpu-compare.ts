// Compares the server CPU of a dossier page read between two checkouts, served at once with their reads interleaved.
//
// On a busy machine the CPU a request costs drifts with what else runs; two builds measured one
// after the other differ by that drift as much as by their code. This bench starts the built app
// of each checkout (its own `.next`, built when stale) on its own fresh PostgreSQL database
// (attest_compare_a / attest_compare_b at 127.0.0.1:5432), seeds the load benches' dossier of
// CLAIMS claims in each, and in each round reads `GET /dossiers/:id` READS times from one app then
// the other (the order alternating), five times over, measuring each app process's CPU
// (utime + stime). Prints ms of CPU per read of each app per round, and their medians.
//
// Run: npx tsx bench/page-cpu-compare.ts -- --a /path/to/other/checkout [--b .] [--claims 200 --rounds 8 --reads 20]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort } from "../tests/e2e/start-app.ts";
import { callJson } from "./load/call-json.ts";
import { freshDatabase } from "./load/fresh-database.ts";
import { seedLoadDossier } from "./load/seed-load-dossier.ts";
import { SERVER_NODE_FLAGS } from "../scripts/server-node-flags.mjs";

const { values: args } = parseArgs({
  options: {
    a: { type: "string" },
    b: { type: "string", default: "." },
    claims: { type: "string", default: "200" },
    rounds: { type: "string", default: "8" },
    reads: { type: "string", default: "20" },
    warmup: { type: "string", default: "60" },
  },
});
if (!args.a) throw new Error("--a names the checkout to compare with (its .next is used, built when stale)");

/** The CPU (user + system) process `pid` has used so far, in ms (USER_HZ 100). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface App {
  name: string;
  pid: number;
  page: string;
  cookie: string;
  stop: () => void;
}

/** Starts `npm start`'s script in `dir` on a fresh database, signs up its owner and seeds the dossier. */
async function start(name: string, dir: string): Promise<App> {
  const databaseUrl = `postgresql://postgres@127.0.0.1:5432/attest_compare_${name}`;
  await freshDatabase(databaseUrl);
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "scripts/start.mjs"], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => log.includes("Attest is ready") && (clearInterval(timer), resolve()), 100);
    child.once("exit", (code) => (clearInterval(timer), reject(new Error(`app ${name} exited with ${code}:\n${log}`))));
  });
  const url = `http://127.0.0.1:${port}`;
  const signUp = await callJson(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    body: JSON.stringify({ name: "Page Owner", email: "owner@page.test", password: "correct horse battery staple" }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up on ${name} answered ${signUp.status}`);
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { dossierId } = await seedLoadDossier(databaseUrl, Number(args.claims));
  return { name, pid: child.pid!, page: `${url}/dossiers/${dossierId}`, cookie, stop: () => child.kill("SIGTERM") };
}

async function read(app: App): Promise<number> {
  const response = await fetch(app.page, { headers: { cookie: app.cookie } });
  const body = await response.text();
  if (response.status !== 200 || !body.includes("data-claim-id")) throw new Error(`${app.name}'s page answered ${response.status}`);
  return body.length;
}

async function main() {
  const apps = [await start("a", path.resolve(args.a!)), await start("b", path.resolve(args.b!))];
  try {
    for (let i = 0; i < Number(args.warmup); i++) for (const app of apps) await read(app);
    const perRead: Record<string, number[]> = { a: [], b: [] };
    const reads = Number(args.reads);
    for (let round = 0; round < Number(args.rounds); round++) {
      const used: Record<string, number> = { a: 0, b: 0 };
      for (let turn = 0; turn < 5; turn++) {
        for (const app of (turn + round) % 2 ? apps : [...apps].reverse()) {
          const before = cpuMs(app.pid);
          for (let k = 0; k < reads; k++) await read(app);
          used[app.name] += cpuMs(app.pid) - before;
        }
      }
      for (const name of ["a", "b"]) perRead[name].push(used[name] / (5 * reads));
      console.log(`Round ${round + 1}: a ${perRead.a.at(-1)!.toFixed(1)}, b ${perRead.b.at(-1)!.toFixed(1)} ms CPU per page read`);
    }
    console.log(`Median: a ${median(perRead.a).toFixed(1)}, b ${median(perRead.b).toFixed(1)} ms CPU per page read; page a ${((await read(apps[0])) / 1024).toFixed(0)} KB, b ${((await read(apps[1])) / 1024).toFixed(0)} KB`);
  } finally {
    for (const app of apps) app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
