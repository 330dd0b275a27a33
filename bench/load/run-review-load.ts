// The load benches' mix: one keep-alive connection per reviewer reading the dossier (API and page) and writing verdicts and review states, with a think time between a reviewer's requests.
import http from "node:http";
import type { Reviewer } from "./prepare-reviewers.ts";

const VERDICTS = ["supports", "partial", "contradicts"] as const;

/** How long a request may take before it counts as a timeout. */
const TIMEOUT_MS = 30_000;

/** The kinds of request the mix sends, timed separately. */
export type Kind = "api read" | "page read" | "verdict write" | "review write";

/**
 * What the runs acknowledged, kept across runs on the same reviewers, and how many writes may
 * have been stored without an acknowledgement (no answer, or a 5xx from the proxy).
 */
export interface WriteLedger {
  acked: Map<string, number>;
  ackedReviews: number;
  uncertainVerdicts: number;
  uncertainReviews: number;
}

/** A fresh ledger. */
export function newLedger(): WriteLedger {
  return { acked: new Map(), ackedReviews: 0, uncertainVerdicts: 0, uncertainReviews: 0 };
}

/** What one run measured. */
export interface LoadResult {
  total: number;
  seconds: number;
  /** The mean think time between a reviewer's requests (0: closed loop, each request sent as soon as the last answered). */
  thinkMs: number;
  times: Record<Kind, number[]>;
  /** 5xx, timeouts, socket errors and 4xx other than conflicts. */
  errors: number;
  timeouts: number;
  socketErrors: number;
  conflicts: number;
  errorSamples: string[];
}

/** A pause drawn uniformly from half to one and a half times `meanMs`. */
const thinkTime = (meanMs: number) => meanMs * (0.5 + Math.random());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the mix against `url` for `duration` seconds, one reviewer per connection. Each reviewer
 * loops over: read the dossier through the API, accept its own link with the next verdict, read the
 * dossier page, set its claim's review state, decide its link again. Before each request it thinks
 * for `thinkMs` on average (drawn from ½ to 1½ × `thinkMs`; the reviewers start spread over one
 * think time); with `thinkMs` 0 each request leaves as soon as the last one answered (a closed
 * loop, which measures how much the server can serve rather than how it serves people). No new
 * request starts after `duration`; those in flight are awaited. `during` runs alongside (the fault
 * run kills an instance from there). Writes acknowledged are added to `ledger`.
 */
export async function runReviewLoad(options: {
  url: string;
  dossierId: string;
  reviewers: Reviewer[];
  duration: number;
  ledger: WriteLedger;
  thinkMs?: number;
  during?: () => Promise<void>;
}): Promise<LoadResult> {
  const { dossierId, reviewers, ledger } = options;
  const thinkMs = options.thinkMs ?? 0;
  const base = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: reviewers.length });
  const times: Record<Kind, number[]> = { "api read": [], "page read": [], "verdict write": [], "review write": [] };
  const sent: Record<Kind, number> = { "api read": 0, "page read": 0, "verdict write": 0, "review write": 0 };
  const refused: Record<Kind, number> = { "api read": 0, "page read": 0, "verdict write": 0, "review write": 0 };
  let total = 0;
  let ackedVerdicts = 0;
  let ackedReviews = 0;
  let errors = 0;
  let timeouts = 0;
  let socketErrors = 0;
  let conflicts = 0;
  const errorSamples: string[] = [];

  /** Sends one request; answers its status and body, or null when it timed out or its socket failed. */
  const send = (reviewer: Reviewer, method: string, path: string, body?: string) =>
    new Promise<{ status: number; body: string } | null>((resolve) => {
      let timedOut = false;
      const request = http.request(
        { host: base.hostname, port: base.port, agent, method, path, headers: { authorization: `Bearer ${reviewer.token}`, "content-type": "application/json", ...(body ? { "content-length": Buffer.byteLength(body) } : {}) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
          response.on("error", () => {
            socketErrors++;
            resolve(null);
          });
        },
      );
      request.setTimeout(TIMEOUT_MS, () => {
        timedOut = true;
        timeouts++;
        request.destroy();
        resolve(null);
      });
      request.on("error", () => {
        if (!timedOut) socketErrors++;
        resolve(null);
      });
      request.end(body);
    });

  /** Sends one request of `kind`, times it, and sorts its answer; `onOk` sees a 2xx/3xx body. */
  const step = async (reviewer: Reviewer, kind: Kind, method: string, path: string, body?: string, onOk?: (body: any) => void) => {
    sent[kind]++;
    const t0 = performance.now();
    const answer = await send(reviewer, method, path, body);
    if (!answer) return;
    times[kind].push(performance.now() - t0);
    total++;
    const { status } = answer;
    if (status >= 400 && status < 500) refused[kind]++;
    if (status === 409) {
      conflicts++;
      const current = JSON.parse(answer.body)?.error?.details;
      if (current?.link?.revision) reviewer.linkRevision = current.link.revision;
      if (current?.claim?.revision) reviewer.claimRevision = current.claim.revision;
      return;
    }
    if (status >= 400) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(`${kind}: ${status} ${answer.body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200)}`);
      return;
    }
    if (onOk) onOk(answer.body ? JSON.parse(answer.body) : null);
  };

  const decide = (reviewer: Reviewer) =>
    step(
      reviewer,
      "verdict write",
      "POST",
      `/api/v1/links/${reviewer.linkId}/decision`,
      JSON.stringify({ state: "accepted", verdict: VERDICTS[reviewer.verdict++ % 3], revision: reviewer.linkRevision }),
      (body) => {
        reviewer.linkRevision = body.revision;
        ackedVerdicts++;
        ledger.acked.set(reviewer.linkId, (ledger.acked.get(reviewer.linkId) ?? 0) + 1);
      },
    );
  const actions: ((reviewer: Reviewer) => Promise<void>)[] = [
    (reviewer) => step(reviewer, "api read", "GET", `/api/v1/dossiers/${dossierId}`),
    decide,
    (reviewer) => step(reviewer, "page read", "GET", `/dossiers/${dossierId}`),
    (reviewer) =>
      step(
        reviewer,
        "review write",
        "POST",
        `/api/v1/claims/${reviewer.claimId}/review`,
        JSON.stringify({ reviewState: reviewer.claimRevision % 2 ? "in_review" : "verified", revision: reviewer.claimRevision }),
        (body) => {
          reviewer.claimRevision = body.revision;
          ackedReviews++;
          ledger.ackedReviews++;
        },
      ),
    decide,
  ];

  const started = performance.now();
  const deadline = started + options.duration * 1000;
  const play = async (reviewer: Reviewer) => {
    if (thinkMs > 0) await sleep(Math.random() * thinkMs);
    for (let i = 0; ; i = (i + 1) % actions.length) {
      if (performance.now() >= deadline) return;
      await actions[i](reviewer);
      if (thinkMs > 0) {
        const pause = Math.min(thinkTime(thinkMs), deadline - performance.now());
        if (pause > 0) await sleep(pause);
      }
    }
  };
  await Promise.all([Promise.all(reviewers.map(play)), options.during?.()]);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  // A write that got no answer, or a 5xx, may or may not be stored; a 4xx was refused outright.
  ledger.uncertainVerdicts += sent["verdict write"] - ackedVerdicts - refused["verdict write"];
  ledger.uncertainReviews += sent["review write"] - ackedReviews - refused["review write"];
  return { total, seconds, thinkMs, times, errors: errors + timeouts + socketErrors, timeouts, socketErrors, conflicts, errorSamples };
}

/** The q-quantile of ascending `sorted` (nearest rank). */
export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

/** Prints the model, throughput, then count and p50/p95/p99 per kind, errors and conflicts. */
export function printLoadResult(result: LoadResult): void {
  const model = result.thinkMs > 0 ? `think time ${(result.thinkMs / 2000).toFixed(1)}–${((result.thinkMs * 3) / 2000).toFixed(1)} s between a reviewer's requests` : "closed loop, no think time";
  console.log(`Model: ${model}`);
  console.log(`Requests: ${result.total} in ${result.seconds.toFixed(1)} s = ${(result.total / result.seconds).toFixed(0)} req/s`);
  console.log("kind            count     p50      p95      p99   (ms)");
  for (const [kind, list] of Object.entries(result.times)) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(`${kind.padEnd(14)} ${String(sorted.length).padStart(6)} ${[0.5, 0.95, 0.99].map((q) => quantile(sorted, q).toFixed(0).padStart(8)).join(" ")}`);
  }
  console.log(`Errors: ${result.errors} (timeouts ${result.timeouts}, socket errors ${result.socketErrors}, 4xx/5xx other than conflicts ${result.errors - result.timeouts - result.socketErrors})`);
  for (const sample of result.errorSamples) console.log(`  ${sample}`);
  console.log(`Conflicts (409, the reviewer's view was stale and was refreshed): ${result.conflicts}`);
}
