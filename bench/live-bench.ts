// Measures how fast a committed change reaches the other readers of a dossier.
//
// The built app is started on a fresh embedded database (and, with TEST_DATABASE_URL set, also as
// two instances on one fresh PostgreSQL database). A signed-in client keeps the dossier's event
// stream (GET /api/v1/dossiers/:id/events) open on one instance while another client accepts
// and reopens a link through POST /api/v1/links/:id/decision, on the other instance when there
// are two. Per change:
// - commit → event: from the moment the decision's response arrives (its transaction has
//   committed by then) until the `change` event is read from the stream; negative when the event
//   overtook the response. Bounded below by that, above by send → event.
// - send → event: from sending the decision until the event is read.
// - read: the GET of the whole dossier a reader makes on the event (the example dossier).
// Median, p95 and max over the rounds.
//
// Run: npx tsx bench/live-bench.ts (builds the app first if the build is stale).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { startApp, type RunningApp } from "../tests/e2e/start-app.ts";
import { followEvents } from "./follow-events.ts";

const ROUNDS = 40;
const PASSWORD = "correct horse battery staple";

async function signUp(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ name: email.split("@")[0], email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function exampleDossierId(base: string, cookie: string): Promise<string> {
  const html = await (await fetch(`${base}/`, { headers: { cookie } })).text();
  const id = /\/dossiers\/([0-9a-f-]{36})/.exec(html)?.[1];
  if (!id) throw new Error("no dossier link on the home page");
  return id;
}

function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}

async function measure(label: string, writer: string, listener: string): Promise<void> {
  const cookie = await signUp(writer, `bench-${randomUUID().slice(0, 8)}@example.test`);
  const dossierId = await exampleDossierId(writer, cookie);
  const view = (await (await fetch(`${writer}/api/v1/dossiers/${dossierId}`, { headers: { cookie } })).json()) as {
    links: { id: string; revision: number }[];
  };
  let link = view.links[0];
  let waiting: { linkId: string; resolve: (at: number) => void } | null = null;
  const stream = await followEvents(listener, cookie, dossierId, (at, data) => {
    if (waiting && (JSON.parse(data) as { entityId: string }).entityId === waiting.linkId) waiting.resolve(at);
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const commitToEvent: number[] = [];
  const sendToEvent: number[] = [];
  const reads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const heard = new Promise<number>((resolve) => (waiting = { linkId: link.id, resolve }));
    const sent = performance.now();
    const body = round % 2 === 0 ? { state: "accepted", verdict: "supports", revision: link.revision } : { state: "suggested", revision: link.revision };
    const response = await fetch(`${writer}/api/v1/links/${link.id}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: writer },
      body: JSON.stringify(body),
    });
    const committed = performance.now();
    if (!response.ok) throw new Error(`decision answered ${response.status}: ${await response.text()}`);
    link = (await response.json()) as typeof link;
    const eventAt = await Promise.race([heard, new Promise<number>((_, reject) => setTimeout(() => reject(new Error("no event within 10 s")), 10_000))]);
    commitToEvent.push(eventAt - committed);
    sendToEvent.push(eventAt - sent);
    const readStart = performance.now();
    await (await fetch(`${listener}/api/v1/dossiers/${dossierId}`, { headers: { cookie } })).json();
    reads.push(performance.now() - readStart);
  }
  stream.abort();
  console.log(`${label} (${ROUNDS} changes)`);
  console.log(`  commit → event:  ${summary(commitToEvent)}`);
  console.log(`  send → event:    ${summary(sendToEvent)}`);
  console.log(`  read the dossier: ${summary(reads)}`);
}

const apps: RunningApp[] = [];
try {
  const embedded = await startApp();
  apps.push(embedded);
  await measure("Embedded PGlite, one instance", embedded.url, embedded.url);
  await embedded.stop();
  apps.length = 0;

  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `attest_bench_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    try {
      // One after the other: the first migrates and seeds.
      const first = await startApp({ env: { DATABASE_URL: url.toString() } });
      apps.push(first);
      const second = await startApp({ env: { DATABASE_URL: url.toString() } });
      apps.push(second);
      await measure("PostgreSQL, change on instance 1, stream from instance 2", first.url, second.url);
    } finally {
      await Promise.all(apps.map((a) => a.stop()));
      apps.length = 0;
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else {
    console.log("Set TEST_DATABASE_URL to also measure two instances on PostgreSQL.");
  }
} finally {
  await Promise.all(apps.map((a) => a.stop()));
}
process.exit(0);
