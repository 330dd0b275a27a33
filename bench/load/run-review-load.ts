// The load benches' mix: one autocannon connection per reviewer reading the dossier (API and page) and writing verdicts and review states.
import autocannon from "autocannon";
import type { Reviewer } from "./prepare-reviewers.ts";

const VERDICTS = ["supports", "partial", "contradicts"] as const;

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
  times: Record<Kind, number[]>;
  /** 5xx, timeouts, socket errors and 4xx other than conflicts. */
  errors: number;
  timeouts: number;
  socketErrors: number;
  conflicts: number;
  errorSamples: string[];
}

/**
 * Runs the mix against `url` for `duration` seconds, one connection per reviewer. Each loops over:
 * read the dossier through the API, accept its own link with the next verdict, read the dossier
 * page, set its claim's review state, decide its link again. `during` runs alongside (the fault run
 * kills an instance from there). Writes acknowledged are added to `ledger`.
 */
export async function runReviewLoad(options: {
  url: string;
  dossierId: string;
  reviewers: Reviewer[];
  duration: number;
  ledger: WriteLedger;
  during?: () => Promise<void>;
}): Promise<LoadResult> {
  const { dossierId, reviewers, ledger } = options;
  const times: Record<Kind, number[]> = { "api read": [], "page read": [], "verdict write": [], "review write": [] };
  const sent: Record<Kind, number> = { "api read": 0, "page read": 0, "verdict write": 0, "review write": 0 };
  const refused: Record<Kind, number> = { "api read": 0, "page read": 0, "verdict write": 0, "review write": 0 };
  let ackedVerdicts = 0;
  let ackedReviews = 0;
  let errors = 0;
  let conflicts = 0;
  const errorSamples: string[] = [];
  // A connection takes a free reviewer at the start of each loop and gives it back at the end, so
  // no two connections ever act as one reviewer at once.
  const free = [...reviewers];
  type Ctx = { reviewer: Reviewer; t0: number };
  const step = (kind: Kind, build: (ctx: Ctx) => { method: string; path: string; body?: string }, onOk?: (ctx: Ctx, body: any) => void) => ({
    setupRequest: (request: any, context: any) => {
      const ctx = context as Ctx;
      if (!ctx.reviewer) ctx.reviewer = free.pop()!;
      const built = build(ctx);
      ctx.t0 = performance.now();
      sent[kind]++;
      return { ...request, method: built.method, path: built.path, body: built.body, headers: { ...request.headers, authorization: `Bearer ${ctx.reviewer.token}`, "content-type": "application/json" } };
    },
    onResponse: (status: number, body: string, context: any) => {
      const ctx = context as Ctx;
      times[kind].push(performance.now() - ctx.t0);
      if (status >= 400 && status < 500) refused[kind]++;
      if (status === 409) {
        conflicts++;
        const current = JSON.parse(body)?.error?.details;
        if (current?.link?.revision) ctx.reviewer.linkRevision = current.link.revision;
        if (current?.claim?.revision) ctx.reviewer.claimRevision = current.claim.revision;
        return;
      }
      if (status >= 400) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${kind}: ${status} ${body.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200)}`);
        return;
      }
      if (onOk) onOk(ctx, body ? JSON.parse(body) : null);
    },
  });
  const decide = step(
    "verdict write",
    (ctx) => ({
      method: "POST",
      path: `/api/v1/links/${ctx.reviewer.linkId}/decision`,
      body: JSON.stringify({ state: "accepted", verdict: VERDICTS[ctx.reviewer.verdict++ % 3], revision: ctx.reviewer.linkRevision }),
    }),
    (ctx, body) => {
      ctx.reviewer.linkRevision = body.revision;
      ackedVerdicts++;
      ledger.acked.set(ctx.reviewer.linkId, (ledger.acked.get(ctx.reviewer.linkId) ?? 0) + 1);
    },
  );
  const requests = [
    step("api read", () => ({ method: "GET", path: `/api/v1/dossiers/${dossierId}` })),
    decide,
    step("page read", () => ({ method: "GET", path: `/dossiers/${dossierId}` })),
    step(
      "review write",
      (ctx) => ({
        method: "POST",
        path: `/api/v1/claims/${ctx.reviewer.claimId}/review`,
        body: JSON.stringify({ reviewState: ctx.reviewer.claimRevision % 2 ? "in_review" : "verified", revision: ctx.reviewer.claimRevision }),
      }),
      (ctx, body) => {
        ctx.reviewer.claimRevision = body.revision;
        ackedReviews++;
        ledger.ackedReviews++;
      },
    ),
    {
      ...decide,
      onResponse: (status: number, body: string, context: any) => {
        decide.onResponse(status, body, context);
        free.unshift((context as Ctx).reviewer);
      },
    },
  ];
  const started = performance.now();
  const [result] = await Promise.all([
    autocannon({ url: options.url, connections: reviewers.length, duration: options.duration, requests, timeout: 30 }),
    options.during?.(),
  ]);
  const seconds = (performance.now() - started) / 1000;
  // A write that got no answer, or a 5xx, may or may not be stored; a 4xx was refused outright.
  ledger.uncertainVerdicts += sent["verdict write"] - ackedVerdicts - refused["verdict write"];
  ledger.uncertainReviews += sent["review write"] - ackedReviews - refused["review write"];
  return { total: result.requests.total, seconds, times, errors: errors + result.timeouts + result.errors, timeouts: result.timeouts, socketErrors: result.errors, conflicts, errorSamples };
}

/** The q-quantile of ascending `sorted` (nearest rank). */
export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

/** Prints throughput, then count and p50/p95/p99 per kind, errors and conflicts. */
export function printLoadResult(result: LoadResult): void {
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
