// Times a fresh instance's first and second read of a large dossier page, signed in.
//
// Starts the built app on the data folder of an earlier `bench:reader` run (READER_BENCH_DIR: its
// 1 MB source with 5,000 links and its account), signs in through the API, then GETs the dossier
// page twice and reads each answer to the end; `--runs N` fresh instances (default 3). The server
// renders the published example once before it takes requests, so the first read here measures
// what a first reader after a start still pays.
//
// Run: READER_BENCH_DIR=/tmp/attest-reader-bench-… npm run bench:first-page [-- --runs 3]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startApp } from "../tests/e2e/start-app.ts";
import { READER_BENCH_PERSON } from "./reader-bench-person.ts";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const RUNS = Number(args.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs takes a whole number of 1 or more, not ${args.runs}`);
const dataDir = process.env.READER_BENCH_DIR;
if (!dataDir || !existsSync(path.join(dataDir, "reader-bench.json"))) {
  throw new Error("set READER_BENCH_DIR to the data folder a `npm run bench:reader` run printed");
}
const { dossierId } = JSON.parse(readFileSync(path.join(dataDir, "reader-bench.json"), "utf8")) as { dossierId: string };

/** The session cookie of the bench reader's account (made by bench:reader). */
async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: READER_BENCH_PERSON.email, password: READER_BENCH_PERSON.password }),
  });
  if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** Milliseconds from sending a GET to the end of its answer. */
async function timeRead(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

for (let run = 1; run <= RUNS; run++) {
  const app = await startApp({ dataDir });
  try {
    const warmed = app.output().match(/Rendered the published example once before taking requests \((\d+) ms\)/)?.[1];
    const cookie = await signIn(app.url);
    const first = await timeRead(`${app.url}/dossiers/${dossierId}`, cookie);
    const second = await timeRead(`${app.url}/dossiers/${dossierId}`, cookie);
    console.log(`run ${run}: first dossier page ${first.toFixed(0)} ms, second ${second.toFixed(0)} ms (example rendered at start: ${warmed ? `${warmed} ms` : "no"})`);
  } finally {
    await app.stop();
  }
}
