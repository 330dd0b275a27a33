// Plays many reviewers at once against the built app on PostgreSQL, then checks that no acknowledged write was lost.
//
// 1. Makes a fresh PostgreSQL database (LOAD_DATABASE_URL, default
//    postgresql://postgres@127.0.0.1:5432/attest_load — dropped and created again), starts the
//    built app on it and signs up the first account (the owner of the example workspace).
// 2. Adds a load dossier (a source and a briefing of REVIEWERS claims, one suggested link each) and
//    one personal access token per reviewer (role reviewer), through the API.
// 3. autocannon opens one connection per reviewer for DURATION seconds. Each loops over: read the
//    dossier through the API, accept its own link with the next verdict, read the dossier page
//    (server-rendered HTML), set its claim's review state, decide its link again. Each request's
//    time is measured from its send to its response, per kind.
// 4. Prints throughput, p50/p95/p99 per kind, errors (5xx, timeouts, anything unexpected) and
//    conflicts, then checks the database: every acknowledged write is in the activity log, and
//    every link's revision is 1 + its logged decisions. Exits 1 when a write is lost.
//
// Run: npm run bench:load [-- --reviewers 200 --duration 30]
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import { connectDatabase } from "@/server/db/connect-database.ts";
import { createDocument } from "@/server/documents/create-document.ts";
import { EXAMPLE_WORKSPACE_SLUG } from "@/server/examples/example-workspace-slug.ts";
import { startApp } from "../tests/e2e/start-app.ts";

const { values: args } = parseArgs({
  options: { reviewers: { type: "string", default: "200" }, duration: { type: "string", default: "30" } },
});
const REVIEWERS = Number(args.reviewers);
const DURATION = Number(args.duration);
const SERVER_URL = process.env.LOAD_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/attest_load";
const VERDICTS = ["supports", "partial", "contradicts"] as const;

type Kind = "api read" | "page read" | "verdict write" | "review write";

interface Reviewer {
  token: string;
  linkId: string;
  claimId: string;
  /** What this reviewer last saw, kept across autocannon's loops (it resets each connection's context). */
  linkRevision: number;
  claimRevision: number;
  verdict: number;
}

async function freshDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

async function json(url: string, init: RequestInit & { token?: string; cookie?: string } = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { "content-type": "application/json", origin: new URL(url).origin };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.cookie = init.cookie;
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** A dossier of `count` claims, each with one suggested link into the source; returns its id. */
async function seedLoadDossier(url: string, count: number): Promise<{ dossierId: string; links: { id: string; claimId: string }[] }> {
  const { prisma, database } = await connectDatabase({ kind: "postgres", url }, { seed: false });
  try {
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { slug: EXAMPLE_WORKSPACE_SLUG } });
    const sentences = Array.from({ length: count }, (_, i) => `Officials reported ${i + 10} new border crossings in district ${i + 1} during week ${(i % 52) + 1}.`);
    const source = importPlainText(sentences.map((s, i) => (i % 8 === 7 ? `${s}\n\n` : `${s} `)).join(""));
    const briefing = importPlainText(sentences.map((s) => s.replace("Officials reported", "The briefing says officials saw")).join(" "));
    return await prisma.$transaction(
      async (tx) => {
        const dossier = await tx.dossier.create({ data: { workspaceId: workspace.id, title: "Load dossier", slug: "load" } });
        const src = await createDocument(tx, { dossierId: dossier.id, kind: "source", title: "Load source", text: source });
        const brief = await createDocument(tx, { dossierId: dossier.id, kind: "briefing", title: "Load briefing", text: briefing });
        let from = 0;
        const claimRows = sentences.map((sentence, order) => {
          const text = sentence.replace("Officials reported", "The briefing says officials saw");
          const start = briefing.text.indexOf(text, from);
          from = start + text.length;
          return { dossierId: dossier.id, documentId: brief.document.id, versionId: brief.version.id, start, end: start + text.length, text, kind: "number" as const, order };
        });
        await tx.claim.createMany({ data: claimRows });
        const claims = await tx.claim.findMany({ where: { dossierId: dossier.id }, orderBy: { order: "asc" }, select: { id: true } });
        await tx.link.createMany({
          data: sentences.map((sentence, i) => {
            const start = source.text.indexOf(sentence);
            return {
              claimId: claims[i].id,
              versionId: src.version.id,
              exact: sentence,
              prefix: source.text.slice(Math.max(0, start - 32), start),
              suffix: source.text.slice(start + sentence.length, start + sentence.length + 32),
              start,
              end: start + sentence.length,
              origin: "suggested" as const,
              score: 0.8,
              rank: 0,
              state: "suggested" as const,
            };
          }),
        });
        const links = await tx.link.findMany({ where: { claim: { dossierId: dossier.id } }, select: { id: true, claimId: true } });
        const order = new Map(claims.map((c, i) => [c.id, i]));
        links.sort((a, b) => order.get(a.claimId)! - order.get(b.claimId)!);
        return { dossierId: dossier.id, links };
      },
      { timeout: 120_000 },
    );
  } finally {
    await prisma.$disconnect();
    await database.close();
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

async function main() {
  console.log(`Load: ${REVIEWERS} reviewers for ${DURATION} s against PostgreSQL (${SERVER_URL.replace(/\/\/[^@]*@/, "//")})`);
  await freshDatabase(SERVER_URL);
  const app = await startApp({ env: { DATABASE_URL: SERVER_URL, NODE_ENV: "production" } });
  try {
    const signUp = await json(`${app.url}/api/auth/sign-up/email`, {
      method: "POST",
      body: JSON.stringify({ name: "Load Owner", email: "owner@load.test", password: "correct horse battery staple" }),
    });
    if (signUp.status !== 200) throw new Error(`sign-up answered ${signUp.status}`);
    const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { dossierId, links } = await seedLoadDossier(SERVER_URL, REVIEWERS);
    const wsId = (await json(`${app.url}/api/v1/dossiers/${dossierId}`, { cookie })).body.workspaceId as string;
    const reviewers: Reviewer[] = [];
    for (let i = 0; i < REVIEWERS; i++) {
      const made = await json(`${app.url}/api/v1/tokens`, { method: "POST", cookie, body: JSON.stringify({ name: `Reviewer ${i + 1}`, workspaceId: wsId, role: "reviewer" }) });
      if (made.status !== 201) throw new Error(`token ${i + 1}: ${made.status} ${JSON.stringify(made.body)}`);
      reviewers.push({ token: made.body.token, linkId: links[i].id, claimId: links[i].claimId, linkRevision: 1, claimRevision: 1, verdict: 0 });
    }
    console.log(`Seeded: ${REVIEWERS} claims with one link each, ${REVIEWERS} reviewer tokens.`);

    const times: Record<Kind, number[]> = { "api read": [], "page read": [], "verdict write": [], "review write": [] };
    const acked = new Map<string, number>();
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
        return { ...request, method: built.method, path: built.path, body: built.body, headers: { ...request.headers, authorization: `Bearer ${ctx.reviewer.token}`, "content-type": "application/json" } };
      },
      onResponse: (status: number, body: string, context: any) => {
        const ctx = context as Ctx;
        times[kind].push(performance.now() - ctx.t0);
        if (status === 409) {
          conflicts++;
          const current = JSON.parse(body)?.error?.details;
          if (current?.link?.revision) ctx.reviewer.linkRevision = current.link.revision;
          if (current?.claim?.revision) ctx.reviewer.claimRevision = current.claim.revision;
          return;
        }
        if (status >= 400) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${kind}: ${status} ${body.slice(0, 200)}`);
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
        acked.set(ctx.reviewer.linkId, (acked.get(ctx.reviewer.linkId) ?? 0) + 1);
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
    const result = await autocannon({ url: app.url, connections: REVIEWERS, duration: DURATION, requests, timeout: 30 });
    const seconds = (performance.now() - started) / 1000;
    errors += result.timeouts + result.errors;

    console.log(`\nRequests: ${result.requests.total} in ${seconds.toFixed(1)} s = ${(result.requests.total / seconds).toFixed(0)} req/s`);
    console.log("kind            count     p50      p95      p99   (ms)");
    for (const [kind, list] of Object.entries(times)) {
      const sorted = [...list].sort((a, b) => a - b);
      console.log(`${kind.padEnd(14)} ${String(sorted.length).padStart(6)} ${[0.5, 0.95, 0.99].map((q) => quantile(sorted, q).toFixed(0).padStart(8)).join(" ")}`);
    }
    console.log(`Errors: ${errors} (timeouts ${result.timeouts}, socket errors ${result.errors}, 4xx/5xx other than conflicts ${errors - result.timeouts - result.errors})`);
    for (const sample of errorSamples) console.log(`  ${sample}`);
    if (errors > 0) {
      const logged = app.output().split("\n").filter((line) => /error|P20\d\d/i.test(line));
      console.log(`Server log, ${logged.length} error lines; the first:\n  ${logged.slice(0, 6).join("\n  ")}`);
    }
    console.log(`Conflicts (409, the reviewer's view was stale and was refreshed): ${conflicts}`);

    // Every acknowledged write is there, and every counter adds up.
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    const rows = (await client.query(`SELECT id, revision FROM "Link" WHERE id = ANY($1)`, [reviewers.map((r) => r.linkId)])).rows as { id: string; revision: number }[];
    const decided = (await client.query(`SELECT "entityId" AS id, count(*)::int AS n FROM "Activity" WHERE "entityType" = 'link' AND "entityId" = ANY($1) GROUP BY 1`, [reviewers.map((r) => r.linkId)])).rows as { id: string; n: number }[];
    const reviewed = (await client.query(`SELECT count(*)::int AS n FROM "Activity" WHERE "entityType" = 'claim' AND "entityId" = ANY($1)`, [reviewers.map((r) => r.claimId)])).rows[0].n as number;
    await client.end();
    const logged = new Map(decided.map((d) => [d.id, d.n]));
    let lost = 0;
    let mismatched = 0;
    // A write in flight when the run stopped may be stored without its answer being counted, so a
    // link may hold more than was acknowledged, never less; its revision must match its log.
    for (const row of rows) {
      const n = acked.get(row.id) ?? 0;
      const inLog = logged.get(row.id) ?? 0;
      if (inLog < n) lost += n - inLog;
      if (row.revision !== 1 + inLog) mismatched++;
    }
    if (reviewed < ackedReviews) lost += ackedReviews - reviewed;
    const ackedTotal = [...acked.values()].reduce((a, b) => a + b, 0);
    console.log(`Acknowledged verdict writes: ${ackedTotal}; review writes: ${ackedReviews} (logged ${reviewed})`);
    console.log(`Lost writes: ${lost}; links whose revision or log does not add up: ${mismatched}`);
    const p99 = quantile([...times["verdict write"]].sort((a, b) => a - b), 0.99);
    console.log(`\nTarget: p99 verdict write ≤ 150 ms → ${p99.toFixed(0)} ms ${p99 <= 150 ? "(met)" : "(missed)"}; 0 errors → ${errors}; 0 lost → ${lost}`);
    if (lost > 0 || mismatched > 0) process.exitCode = 1;
  } finally {
    await app.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
