// Plays many reviewers at once against the built app on PostgreSQL, then checks that no acknowledged write was lost.
//
// 1. Makes a fresh PostgreSQL database (LOAD_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/attest_load — dropped and created again), starts the
//    built app on it and signs up the first account (the owner of the example workspace).
// 2. Adds a load dossier (a source and a briefing of REVIEWERS claims, one suggested link each) and
//    one personal access token per reviewer (role reviewer), through the API.
// 3. Warm-up (not measured): one reviewer plays the mix for 2 s (--warm-up SECONDS; 0 for none), so
//    the app has rendered each page and route once (a fresh process's first render of a route
//    blocks it; the server itself renders the published example once before it takes requests).
//    Then each reviewer keeps one connection open for DURATION seconds and loops over: read the dossier
//    through the API, accept its own link with the next verdict, read the dossier page
//    (server-rendered HTML), set its claim's review state, decide its link again. Between two
//    requests it thinks (reads the passage, weighs the claim): THINK seconds on average, each pause
//    drawn from ½ to 1½ × THINK, so 1.5–4.5 s by default; the reviewers start spread over one
//    think time. `--think 0` sends each request as soon as the last answered (a closed loop: it
//    measures what the server can serve, not how it serves people). Each request's time is
//    measured from its send to its response, per kind.
// 4. Prints throughput, p50/p95/p99 per kind, errors (5xx, timeouts, anything unexpected) and
//    conflicts, then checks the database: every acknowledged write is in the activity log, and
//    every link's revision is 1 + its logged decisions. Exits 1 when a write is lost.
//
// Run: npm run bench:load [-- --reviewers 200 --duration 30 --think 3 --warm-up 2]
import { parseArgs } from "node:util";
import { startApp } from "../tests/e2e/start-app.ts";
import { checkAcknowledgedWrites } from "./load/check-acknowledged-writes.ts";
import { freshDatabase } from "./load/fresh-database.ts";
import { prepareReviewers } from "./load/prepare-reviewers.ts";
import { newLedger, printLoadResult, quantile, runReviewLoad } from "./load/run-review-load.ts";

const { values: args } = parseArgs({
  options: {
    reviewers: { type: "string", default: "200" },
    duration: { type: "string", default: "30" },
    think: { type: "string", default: "3" },
    "warm-up": { type: "string", default: "2" },
  },
});
const REVIEWERS = Number(args.reviewers);
const DURATION = Number(args.duration);
const THINK_SECONDS = Number(args.think);
if (!(THINK_SECONDS >= 0)) throw new Error(`--think takes seconds (0 or more), not ${args.think}`);
const WARM_UP_SECONDS = Number(args["warm-up"]);
if (!(WARM_UP_SECONDS >= 0)) throw new Error(`--warm-up takes seconds (0 or more), not ${args["warm-up"]}`);
const SERVER_URL = process.env.LOAD_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/attest_load";

async function main() {
  console.log(`Load: ${REVIEWERS} reviewers for ${DURATION} s, ${THINK_SECONDS > 0 ? `thinking ${THINK_SECONDS} s on average between requests` : "no think time"}, against PostgreSQL (${SERVER_URL.replace(/\/\/[^@]*@/, "//")})`);
  await freshDatabase(SERVER_URL);
  const app = await startApp({ env: { DATABASE_URL: SERVER_URL, NODE_ENV: "production" } });
  try {
    const { dossierId, reviewers } = await prepareReviewers(app.url, SERVER_URL, REVIEWERS);
    console.log(`Seeded: ${REVIEWERS} claims with one link each, ${REVIEWERS} reviewer tokens.`);

    const ledger = newLedger();
    // Warm-up, not measured: one reviewer plays the mix for --warm-up seconds without thinking. A
    // fresh process's first render of each route blocks it, which would otherwise fall on the
    // writes in flight at that moment; its writes are checked with the others. (The server renders
    // the published example once before it takes requests; `--warm-up 0` measures what is left.)
    if (WARM_UP_SECONDS > 0) await runReviewLoad({ url: app.url, dossierId, reviewers: reviewers.slice(0, 1), duration: WARM_UP_SECONDS, thinkMs: 0, ledger });
    const result = await runReviewLoad({ url: app.url, dossierId, reviewers, duration: DURATION, thinkMs: THINK_SECONDS * 1000, ledger });
    console.log("");
    printLoadResult(result);
    if (result.errors > 0) {
      const logged = app.output().split("\n").filter((line) => /error|P20\d\d/i.test(line));
      console.log(`Server log, ${logged.length} error lines; the first:\n  ${logged.slice(0, 6).join("\n  ")}`);
    }

    // Every acknowledged write is there, and every counter adds up.
    const check = await checkAcknowledgedWrites(SERVER_URL, reviewers, ledger);
    console.log(`Acknowledged verdict writes: ${check.ackedVerdicts}; review writes: ${check.ackedReviews} (logged ${check.loggedReviews})`);
    console.log(`Lost writes: ${check.lost}; links whose revision or log does not add up: ${check.mismatched}`);
    const p99 = quantile([...result.times["verdict write"]].sort((a, b) => a - b), 0.99);
    console.log(`\nTarget: p99 verdict write ≤ 150 ms → ${p99.toFixed(0)} ms ${p99 <= 150 ? "(met)" : "(missed)"}; 0 errors → ${result.errors}; 0 lost → ${check.lost}`);
    if (check.lost > 0 || check.mismatched > 0) process.exitCode = 1;
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
