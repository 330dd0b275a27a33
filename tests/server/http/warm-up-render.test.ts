import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { warmUpRender } from "../../../server/http/warm-up-render.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => (s.listening ? s.close(() => resolve()) : resolve()))));
});

/** A server that answers by path: `/slow` never, `/broken` 500, `/moved` a redirect, the rest 200. */
function pageServer() {
  const seen: { path: string; host: string; port: number }[] = [];
  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    seen.push({ path: req.url ?? "", host: req.socket.localAddress ?? "", port });
    if (req.url === "/slow") return; // never answers
    if (req.url === "/broken") return void res.writeHead(500).end("no");
    if (req.url === "/moved") return void res.writeHead(307, { location: "/elsewhere" }).end();
    res.end("x".repeat(100_000));
  });
  servers.push(server);
  return { server, seen };
}

describe("warmUpRender", () => {
  it("GETs each page in turn on a loopback port, then stops listening so the server can listen where it serves", async () => {
    const { server, seen } = pageServer();
    const pages = await warmUpRender(server, ["/p/one", "/p/two"]);
    expect(pages.map((p) => [p.path, p.status])).toEqual([
      ["/p/one", 200],
      ["/p/two", 200],
    ]);
    expect(pages.every((p) => p.ms >= 0 && p.error === undefined)).toBe(true);
    expect(seen.map((s) => s.path)).toEqual(["/p/one", "/p/two"]);
    expect(seen.every((s) => s.host === "127.0.0.1" && s.port === seen[0].port)).toBe(true);
    expect(server.listening).toBe(false);
    // It can listen again, as the app's server then does on its own port.
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    expect(server.listening).toBe(true);
  });

  it("reports a page that answers an error, a redirect or nothing in time, and still stops listening", async () => {
    const { server } = pageServer();
    const pages = await warmUpRender(server, ["/broken", "/moved", "/slow", "/p/after"], 300);
    expect(pages.map((p) => [p.path, p.status])).toEqual([
      ["/broken", 500],
      ["/moved", 307],
      ["/slow", 0],
      ["/p/after", 200],
    ]);
    expect(pages[2].error).toBeTruthy();
    expect(pages[2].ms).toBeGreaterThanOrEqual(250);
    expect(server.listening).toBe(false);
  });

  it("does nothing without pages, and refuses a server that already listens", async () => {
    const { server, seen } = pageServer();
    expect(await warmUpRender(server, [])).toEqual([]);
    expect(server.listening).toBe(false);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    await expect(warmUpRender(server, ["/p/one"])).rejects.toThrow(/already listens/);
    expect(seen).toEqual([]);
  });
});
