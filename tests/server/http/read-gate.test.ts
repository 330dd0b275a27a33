import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createReadGate, type ReadGate, type ReadGateSettings } from "../../../server/http/create-read-gate.ts";
import { isGatedRead } from "../../../server/http/is-gated-read.ts";
import { readGateSettings, READ_CONCURRENCY, READ_QUEUE_LIMIT } from "../../../server/http/read-gate-settings.ts";
import { StartupError } from "../../../server/db/startup-error.ts";

/** A server behind the gate whose reads answer when the test says so, and whose writes answer at once. */
async function gatedServer(settings: ReadGateSettings) {
  const started: string[] = [];
  const pending = new Map<string, ServerResponse>();
  const gate: ReadGate = createReadGate(settings, isGatedRead);
  const server: Server = createServer((req, res) => {
    gate.admit(req, res, () => {
      const path = req.url ?? "";
      started.push(`${req.method} ${path}`);
      if (req.method === "GET" && !path.endsWith("/events")) pending.set(path, res);
      else res.end("done");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  servers.push(server);
  const send = (method: string, path: string) => {
    const req = request({ host: "127.0.0.1", port, method, path, agent: false });
    const answer = new Promise<{ status: number; body: string; headers: IncomingMessage["headers"] }>((resolve, reject) => {
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on("error", reject);
    });
    req.end();
    return { req, answer };
  };
  const finish = (path: string) => {
    const res = pending.get(path);
    if (!res) throw new Error(`${path} has not started`);
    pending.delete(path);
    res.end(`read ${path}`);
  };
  return { gate, started, send, finish };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe("the read gate", () => {
  it("lets writes through while reads wait, and starts the waiting reads in order of arrival", async () => {
    const { gate, started, send, finish } = await gatedServer({ concurrency: 1, queueLimit: 10, maxHoldMs: 60_000 });
    const first = send("GET", "/dossiers/a");
    await until(() => started.length === 1);
    const second = send("GET", "/api/v1/dossiers/a");
    await until(() => gate.stats().waiting === 1);
    const third = send("GET", "/dossiers/b");
    await until(() => gate.stats().waiting === 2);
    const write = await send("PUT", "/api/v1/links/x/decision").answer;
    expect(write.status).toBe(200);
    expect(started).toEqual(["GET /dossiers/a", "PUT /api/v1/links/x/decision"]);

    finish("/dossiers/a");
    expect((await first.answer).body).toBe("read /dossiers/a");
    await until(() => started.length === 3);
    finish("/api/v1/dossiers/a");
    expect((await second.answer).status).toBe(200);
    await until(() => started.length === 4);
    finish("/dossiers/b");
    expect((await third.answer).status).toBe(200);
    expect(started.slice(2)).toEqual(["GET /api/v1/dossiers/a", "GET /dossiers/b"]);
    expect(gate.stats()).toEqual({ running: 0, waiting: 0, queued: 2, refused: 0 });
  });

  it("answers 503 with a JSON reason once the queue is full, and starts nothing for it", async () => {
    const { gate, started, send, finish } = await gatedServer({ concurrency: 1, queueLimit: 1, maxHoldMs: 60_000 });
    const first = send("GET", "/dossiers/a");
    await until(() => started.length === 1);
    const second = send("GET", "/dossiers/b");
    await until(() => gate.stats().waiting === 1);
    const refused = await send("GET", "/dossiers/c").answer;
    expect(refused.status).toBe(503);
    expect(refused.headers["retry-after"]).toBe("1");
    expect(JSON.parse(refused.body)).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/busy/) } });
    finish("/dossiers/a");
    await first.answer;
    await until(() => started.length === 2);
    finish("/dossiers/b");
    await second.answer;
    expect(started).toEqual(["GET /dossiers/a", "GET /dossiers/b"]);
    expect(gate.stats().refused).toBe(1);
  });

  it("skips a read whose client left while it waited, and frees the place of one that left while running", async () => {
    const { gate, started, send, finish } = await gatedServer({ concurrency: 1, queueLimit: 10, maxHoldMs: 60_000 });
    const first = send("GET", "/dossiers/a");
    await until(() => started.length === 1);
    const leaving = send("GET", "/dossiers/gone");
    leaving.answer.catch(() => undefined);
    await until(() => gate.stats().waiting === 1);
    const last = send("GET", "/dossiers/b");
    await until(() => gate.stats().waiting === 2);
    leaving.req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    first.req.destroy();
    first.answer.catch(() => undefined);
    // The running read's client left: its place goes to the next read still wanted.
    await until(() => started.length === 2);
    expect(started).toEqual(["GET /dossiers/a", "GET /dossiers/b"]);
    finish("/dossiers/b");
    expect((await last.answer).status).toBe(200);
    await until(() => gate.stats().running === 0);
  });

  it("gives a place back after the longest hold even when the response is still open", async () => {
    const { started, send, finish } = await gatedServer({ concurrency: 1, queueLimit: 10, maxHoldMs: 100 });
    const slow = send("GET", "/dossiers/slow");
    await until(() => started.length === 1);
    const next = send("GET", "/dossiers/next");
    await until(() => started.length === 2);
    finish("/dossiers/next");
    expect((await next.answer).status).toBe(200);
    finish("/dossiers/slow");
    expect((await slow.answer).status).toBe(200);
  });

  it("with concurrency 0 lets everything through", async () => {
    const { gate, started, send, finish } = await gatedServer({ concurrency: 0, queueLimit: 0, maxHoldMs: 100 });
    const reads = ["/dossiers/a", "/dossiers/b", "/dossiers/c"].map((path) => ({ path, sent: send("GET", path) }));
    await until(() => started.length === 3);
    for (const { path, sent } of reads) {
      finish(path);
      expect((await sent.answer).status).toBe(200);
    }
    expect(gate.stats().queued).toBe(0);
  });
});

describe("which requests are gated reads", () => {
  const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;
  it.each([
    ["GET", "/", true],
    ["GET", "/dossiers/abc", true],
    ["HEAD", "/dossiers/abc?claim=1", true],
    ["GET", "/dossiers/abc?_rsc=xyz", true],
    ["GET", "/api/v1/dossiers/abc", true],
    ["GET", "/api/v1/search?q=a.b", true],
    ["GET", "/api/v1/dossiers/abc/events", false],
    ["GET", "/api/v1/jobs/abc/file", false],
    ["GET", "/api/auth/get-session", false],
    ["GET", "/_next/static/chunks/main.js", false],
    ["GET", "/favicon.ico", false],
    ["GET", "/collab", false],
    ["POST", "/dossiers/abc", false],
    ["PUT", "/api/v1/links/abc/decision", false],
    ["DELETE", "/api/v1/annotations/abc", false],
  ])("%s %s: %s", (method, url, gated) => {
    expect(isGatedRead(request(method, url))).toBe(gated);
  });
});

describe("the read gate's settings", () => {
  it("default to a few reads at once and a long queue", () => {
    expect(readGateSettings({})).toMatchObject({ concurrency: READ_CONCURRENCY, queueLimit: READ_QUEUE_LIMIT });
    expect(readGateSettings({ READ_CONCURRENCY: "0", READ_QUEUE_LIMIT: "5" })).toMatchObject({ concurrency: 0, queueLimit: 5 });
  });
  it.each(["-1", "two", "1.5"])("refuse READ_CONCURRENCY=%s with the fix", (value) => {
    expect(() => readGateSettings({ READ_CONCURRENCY: value })).toThrow(StartupError);
    expect(() => readGateSettings({ READ_QUEUE_LIMIT: value })).toThrow(/READ_QUEUE_LIMIT must be a whole number/);
  });
});
