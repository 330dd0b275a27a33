// The production topology on this machine: nginx in front of one, then two app instances on PostgreSQL and Redis, under the load mix of bench:load, then one instance killed mid-load.
//
// 1. Makes a fresh PostgreSQL database (SCALE_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/attest_scale, dropped and made again) and empties a Redis
//    database (SCALE_REDIS_URL, default redis://127.0.0.1:6379/3). Builds the app once (next build).
// 2. Starts instance 1 (DATABASE_URL, REDIS_URL, TRUST_PROXY=1, PUBLIC_URL = nginx's address) and
//    nginx on a free loopback port with deploy/nginx.conf rendered for it (bench/start-nginx.ts),
//    seeds the load dossier and one token per reviewer through nginx.
// 3. Run "1 instance": the bench:load mix (bench/load/run-review-load.ts) through nginx.
// 4. Starts instance 2, reloads nginx with both; run "2 instances".
// 5. Checks across the two instances, through nginx: a change made on either reaches event streams
//    held on both (SSE unbuffered), a cookie-authenticated change from the public origin is
//    accepted and one from another origin refused, and the sign-in limit of one address holds
//    across both instances (forged X-Forwarded-For headers ignored).
// 6. Fault run: the same mix, and instance 2 is killed with SIGKILL halfway through. As the run
//    starts, sources are attached through nginx to dossiers of --job-claims claims (made during
//    set-up, --jobs of them), each above the in-request budget, so each queues a suggestion job
//    (a source over the import budget is first stored by an import job, which queues it), and
//    both instances are running one when instance 2 is killed. Then the database must hold
//    every acknowledged write, none twice, every link's revision matching its activity log; and
//    every job must end done, once: progress equal to its total, no suggested link stored twice
//    (the killed instance's run is retried by the survivor once it expires).
// Prints throughput and p50/p95/p99 for each run and a summary; exits 1 when a check fails.
//
// Run: npm run bench:scale [-- --reviewers 100 --duration 20 --jobs 2 --job-claims 2000 --job-words 100000]
// (add --reuse-build to serve the existing build as it is).
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { freePort, startApp, type RunningApp } from "../tests/e2e/start-app.ts";
import { followEvents } from "./follow-events.ts";
import { buildApp } from "./load/build-app.ts";
import { checkAcknowledgedWrites, type WriteCheck } from "./load/check-acknowledged-writes.ts";
import { freshDatabase } from "./load/fresh-database.ts";
import { prepareReviewers, type Reviewer } from "./load/prepare-reviewers.ts";
import { newLedger, printLoadResult, quantile, runReviewLoad, type LoadResult, type WriteLedger } from "./load/run-review-load.ts";
import { activeRuns, attachJobSources, prepareJobDossiers, waitForJobs, type JobDossier } from "./load/suggestion-jobs-under-load.ts";
import { startNginx, type RunningNginx } from "./start-nginx.ts";

const { values: args } = parseArgs({
  options: {
    reviewers: { type: "string", default: "100" },
    duration: { type: "string", default: "20" },
    jobs: { type: "string", default: "2" },
    "job-claims": { type: "string", default: "2000" },
    "job-words": { type: "string", default: "100000" },
    "reuse-build": { type: "boolean", default: false },
  },
});
const REVIEWERS = Number(args.reviewers);
const DURATION = Number(args.duration);
const DATABASE_URL = process.env.SCALE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/attest_scale";
const REDIS_URL = process.env.SCALE_REDIS_URL ?? "redis://127.0.0.1:6379/3";
const LIVE_ROUNDS = 20;
const JOBS = Number(args.jobs);
const JOB_CLAIMS = Number(args["job-claims"]);
const JOB_WORDS = Number(args["job-words"]);
/** How long the jobs may take to end after the fault run: a dead run expires after 60 s, then waits for upkeep and its retry delay. */
const JOB_WAIT_MS = 5 * 60_000;

const hostOf = (app: RunningApp) => new URL(app.url).host;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Run {
  label: string;
  result: LoadResult;
  check: WriteCheck;
}

async function emptyRedis(url: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.flushdb();
  } catch (error) {
    throw new Error(
      `Redis at ${url} cannot be reached (${(error as Error).message}): start it with redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log`,
    );
  } finally {
    client.disconnect();
  }
}

async function loadRun(label: string, nginx: RunningNginx, apps: RunningApp[], dossierId: string, reviewers: Reviewer[], ledger: WriteLedger, during?: () => Promise<void>): Promise<Run> {
  console.log(`\n== ${label}: ${REVIEWERS} reviewers for ${DURATION} s through nginx`);
  const logged = apps.map((app) => app.output().length);
  const result = await runReviewLoad({ url: nginx.url, dossierId, reviewers, duration: DURATION, ledger, during });
  printLoadResult(result);
  if (result.errors > 0) {
    // What the instances logged during the run, to tell a 500's cause.
    const lines = apps.flatMap((app, i) => app.output().slice(logged[i] ?? 0).split("\n").filter((line) => /error|P20\d\d/i.test(line)));
    const kinds = new Map<string, number>();
    for (const line of lines) kinds.set(line.slice(0, 160), (kinds.get(line.slice(0, 160)) ?? 0) + 1);
    console.log(`Instances' logs: ${lines.length} error lines${lines.length ? "; the most frequent:" : ""}`);
    for (const [line, n] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log(`  ${n} × ${line}`);
  }
  const check = await checkAcknowledgedWrites(DATABASE_URL, reviewers, ledger);
  console.log(
    `Database: ${check.loggedVerdicts} verdict writes logged for ${check.ackedVerdicts} acknowledged, ${check.loggedReviews} review writes for ${check.ackedReviews}; lost ${check.lost}, stored twice ${check.duplicated}, revisions not matching their log ${check.mismatched}`,
  );
  return { label, result, check };
}

/**
 * Event streams through nginx until one is held on each instance, then changes made through nginx
 * (so on either instance): each must reach both streams. The changes are acknowledged writes and
 * go into `ledger`.
 */
async function checkLiveAcrossInstances(
  nginx: RunningNginx,
  cookie: string,
  dossierId: string,
  linkId: string,
  ledger: WriteLedger,
): Promise<{ onBoth: boolean; delivered: boolean; servedBy: string[]; writers: Set<string>; latencies: number[] }> {
  const servedBy: string[] = [];
  const heard: number[][] = [];
  const streams: AbortController[] = [];
  for (let attempt = 0; attempt < 6 && servedBy.length < 2; attempt++) {
    let host = "?";
    const arrivals: number[] = [];
    const stream = await followEvents(
      nginx.url,
      cookie,
      dossierId,
      (at, data) => {
        if ((JSON.parse(data) as { entityId: string }).entityId === linkId) arrivals.push(at);
      },
      (headers) => (host = headers.get("x-served-by") ?? "?"),
    );
    if (servedBy.includes(host)) {
      stream.abort();
      continue;
    }
    servedBy.push(host);
    heard.push(arrivals);
    streams.push(stream);
  }
  await sleep(300);
  const writers = new Set<string>();
  const latencies: number[] = [];
  let delivered = true;
  const view = await (await fetch(`${nginx.url}/api/v1/dossiers/${dossierId}`, { headers: { cookie } })).json();
  let revision = view.links.find((l: { id: string }) => l.id === linkId).revision as number;
  for (let round = 0; round < LIVE_ROUNDS; round++) {
    const before = heard.map((h) => h.length);
    const response = await fetch(`${nginx.url}/api/v1/links/${linkId}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: nginx.url },
      body: JSON.stringify(round % 2 === 0 ? { state: "accepted", verdict: "supports", revision } : { state: "suggested", revision }),
    });
    const answered = performance.now();
    if (!response.ok) throw new Error(`a decision through nginx answered ${response.status}: ${await response.text()}`);
    ledger.acked.set(linkId, (ledger.acked.get(linkId) ?? 0) + 1);
    writers.add(response.headers.get("x-served-by") ?? "?");
    revision = ((await response.json()) as { revision: number }).revision;
    const deadline = Date.now() + 5000;
    const waiting = () => heard.some((h, i) => h.length === before[i]);
    while (waiting() && Date.now() < deadline) await sleep(5);
    if (waiting()) {
      delivered = false;
      continue;
    }
    for (const h of heard) latencies.push(h[h.length - 1] - answered);
  }
  for (const stream of streams) stream.abort();
  return { onBoth: servedBy.length === 2, delivered, servedBy, writers, latencies };
}

async function checkOrigins(nginx: RunningNginx, cookie: string, linkId: string): Promise<{ publicOrigin: number; foreign: number }> {
  const post = (origin: string) =>
    fetch(`${nginx.url}/api/v1/links/${linkId}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin },
      // A stale revision: a change that passes the origin check is answered 409 and stores nothing.
      body: JSON.stringify({ state: "suggested", revision: 1 }),
    }).then((r) => r.status);
  return { publicOrigin: await post(nginx.url), foreign: await post("https://attacker.example") };
}

/** Sign-in attempts with a wrong password from one client (127.0.0.1) through nginx, each forging another X-Forwarded-For. */
async function checkSharedSignInLimit(nginx: RunningNginx): Promise<{ statuses: number[]; servedBy: Set<string> }> {
  const statuses: number[] = [];
  const servedBy = new Set<string>();
  for (let i = 0; i < 12; i++) {
    const response = await fetch(`${nginx.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: nginx.url, "x-forwarded-for": `198.51.100.${i}` },
      body: JSON.stringify({ email: "owner@load.test", password: `wrong guess ${i}` }),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
    servedBy.add(response.headers.get("x-served-by") ?? "?");
  }
  return { statuses, servedBy };
}

async function main() {
  console.log(`Scale: nginx → 1, then 2 app instances on PostgreSQL (${DATABASE_URL.replace(/\/\/[^@]*@/, "//")}) and Redis (${REDIS_URL}); ${REVIEWERS} reviewers, ${DURATION} s a run`);
  await Promise.all([freshDatabase(DATABASE_URL), emptyRedis(REDIS_URL)]);
  const port = await freePort();
  const env = { DATABASE_URL, REDIS_URL, TRUST_PROXY: "1", PUBLIC_URL: `http://127.0.0.1:${port}`, NODE_ENV: "production" };
  const apps: RunningApp[] = [];
  let nginx: RunningNginx | undefined;
  const failures: string[] = [];
  try {
    // One build for every instance (startApp builds only when the build is stale, and it is not).
    if (!args["reuse-build"]) buildApp();
    apps.push(await startApp({ env }));
    nginx = await startNginx(port, [hostOf(apps[0])]);
    const { dossierId, reviewers, cookie } = await prepareReviewers(nginx.url, DATABASE_URL, REVIEWERS);
    console.log(`Seeded through nginx (${nginx.url}): ${REVIEWERS} claims with one link each, ${REVIEWERS} reviewer tokens.`);
    const jobDossiers: JobDossier[] = await prepareJobDossiers(DATABASE_URL, "owner@load.test", JOBS, JOB_CLAIMS, JOB_WORDS);
    console.log(`Made ${JOBS} dossiers of ${jobDossiers.map((d) => d.claims).join(", ")} claims for the jobs of the fault run (a source of ${JOB_WORDS} words each, to attach then).`);
    const ledger = newLedger();
    const runs: Run[] = [];

    runs.push(await loadRun("1 instance", nginx, apps, dossierId, reviewers, ledger));

    apps.push(await startApp({ env }));
    await nginx.reload(apps.map(hostOf));
    runs.push(await loadRun("2 instances", nginx, apps, dossierId, reviewers, ledger));

    console.log("\n== Across the two instances, through nginx");
    const live = await checkLiveAcrossInstances(nginx, cookie, dossierId, reviewers[0].linkId, ledger);
    const sorted = [...live.latencies].sort((a, b) => a - b);
    console.log(
      `Live: event streams held on ${live.servedBy.join(" and ")}; ${LIVE_ROUNDS} changes made through nginx on ${[...live.writers].join(" and ")}; ${live.delivered ? "every change reached both streams" : "SOME CHANGE DID NOT REACH A STREAM within 5 s"}; answer → event, median ${quantile(sorted, 0.5).toFixed(0)} ms, p95 ${quantile(sorted, 0.95).toFixed(0)} ms, max ${sorted[sorted.length - 1]?.toFixed(0)} ms`,
    );
    if (!live.onBoth) failures.push("no event stream could be opened on the second instance");
    if (!live.delivered) failures.push("a change did not reach an event stream on the other instance");
    const origins = await checkOrigins(nginx, cookie, reviewers[0].linkId);
    console.log(`CSRF behind nginx: a change with the session cookie from the public origin → ${origins.publicOrigin} (409: passed the check, stale revision); from another origin → ${origins.foreign}`);
    if (origins.publicOrigin !== 409 || origins.foreign !== 403) failures.push("the origin check behind nginx");
    const limit = await checkSharedSignInLimit(nginx);
    const allowed = limit.statuses.filter((s) => s === 401).length;
    console.log(`Sign-in limit: 12 wrong passwords from one client, each with a forged X-Forwarded-For, answered by ${[...limit.servedBy].join(" and ")}: ${limit.statuses.join(" ")} (${allowed} let through, limit 10 a minute)`);
    if (allowed !== 10 || limit.servedBy.size !== 2) failures.push("the sign-in limit across instances");

    const killAt = DURATION / 2;
    let killed = "";
    let killedAt = 0;
    let jobIds: string[] = [];
    let runsAtKill: { id: string; jobId: string; done: number; total: number }[] = [];
    runs.push(
      await loadRun("2 instances, one killed with SIGKILL halfway", nginx, apps, dossierId, reviewers, ledger, async () => {
        const started = Date.now();
        const attached = await attachJobSources(nginx!.url, cookie, jobDossiers, DATABASE_URL);
        jobIds = attached.suggestionJobs;
        const imported = attached.importJobs.length > 0 ? `, after ${attached.importJobs.length} import jobs stored their sources once each` : "";
        console.log(`(${jobIds.length} suggestion jobs queued through nginx in ${((Date.now() - started) / 1000).toFixed(1)} s${imported})`);
        await sleep(Math.max(0, killAt * 1000 - (Date.now() - started)));
        runsAtKill = await activeRuns(DATABASE_URL);
        killed = hostOf(apps[1]);
        await apps[1].stop("SIGKILL");
        killedAt = Date.now();
        const progress = runsAtKill.map((r) => `job ${r.jobId.slice(0, 8)} at ${r.done}/${r.total}`).join(", ") || "none";
        console.log(`(instance ${killed} killed at ${((killedAt - started) / 1000).toFixed(1)} s; job runs active then, on either instance: ${progress})`);
      }),
    );

    console.log(`\n== Jobs after the kill (waiting up to ${JOB_WAIT_MS / 60_000} min for them to end)`);
    const outcomes = await waitForJobs(DATABASE_URL, jobIds, JOB_WAIT_MS);
    for (const job of outcomes) {
      const after = job.finishedAt ? `${((job.finishedAt.getTime() - killedAt) / 1000).toFixed(0)} s after the kill` : "not finished";
      const wasActive = runsAtKill.some((r) => r.jobId === job.jobId) ? "running at the kill" : "not running at the kill";
      console.log(
        `Job ${job.jobId.slice(0, 8)}: ${job.state}, ${job.done}/${job.total} claims, ${job.attempts} attempt(s), ${job.runs} run(s), ${job.retriedRuns} run(s) retried; ${wasActive}; ended ${after}; suggested links stored twice: ${job.duplicated}`,
      );
      if (job.state !== "done" || job.done !== job.total) failures.push(`job ${job.jobId} ended ${job.state} at ${job.done}/${job.total}`);
      if (job.duplicated > 0) failures.push(`job ${job.jobId} stored ${job.duplicated} suggested links twice`);
    }
    const retried = outcomes.reduce((n, job) => n + job.retriedRuns, 0);
    console.log(
      retried > 0
        ? `The killed instance's run(s) were taken over: ${retried} run(s) retried after expiring, every job done once.`
        : "NOTE: no job run had to be retried: the killed instance held no job run at the kill (make the jobs larger with --job-claims / --job-words).",
    );

    console.log("\n== Summary");
    console.log("run                                             req/s   verdict write p50/p95/p99   api read p50/p95/p99   page read p50/p95/p99   errors");
    for (const { label, result } of runs) {
      const q = (kind: keyof LoadResult["times"]) => {
        const s = [...result.times[kind]].sort((a, b) => a - b);
        return [0.5, 0.95, 0.99].map((p) => quantile(s, p).toFixed(0)).join("/");
      };
      console.log(`${label.padEnd(47)} ${(result.total / result.seconds).toFixed(0).padStart(5)}   ${q("verdict write").padStart(26)}   ${q("api read").padStart(20)}   ${q("page read").padStart(21)}   ${String(result.errors).padStart(6)}`);
    }
    const last = runs[runs.length - 1].check;
    console.log(
      `After the kill: ${last.ackedVerdicts} acknowledged verdict writes and ${last.ackedReviews} review writes over the three runs; lost ${last.lost}, stored twice ${last.duplicated}, revisions not matching their log ${last.mismatched}`,
    );
    for (const run of runs) if (run.check.lost || run.check.duplicated || run.check.mismatched) failures.push(`writes of run "${run.label}"`);
    console.log(failures.length ? `FAILED: ${failures.join("; ")}` : "Every check passed.");
    if (failures.length) process.exitCode = 1;
  } finally {
    await nginx?.stop();
    await Promise.all(apps.map((a) => a.stop()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
