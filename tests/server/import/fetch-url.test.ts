// Specification of fetching a page for import: address checks, redirects, limits and types.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUrl, type FetchUrlOptions } from "@/server/import/fetch-url.ts";
import { FetchError } from "@/server/import/fetch-error.ts";
import { isPublicAddress } from "@/server/import/is-public-address.ts";
import { importDocument } from "@/core/import/import-document.ts";

let server: http.Server;
let port = 0;

/** Test routes of the local server. */
function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  const hops = /^\/hop\/(\d+)$/.exec(path);
  if (path === "/page") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<title>Local</title><h1>Hello</h1><p>A page.</p>");
  } else if (path === "/text") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("Title\n\nBody.");
  } else if (hops) {
    const n = Number(hops[1]);
    if (n === 0) res.writeHead(302, { location: "/page" });
    else res.writeHead(301, { location: `/hop/${n - 1}` });
    res.end();
  } else if (path === "/to-private") {
    res.writeHead(302, { location: "http://10.0.0.1/page" });
    res.end();
  } else if (path === "/to-named") {
    res.writeHead(307, { location: `http://inside.test:${port}/page` });
    res.end();
  } else if (path === "/to-ftp") {
    res.writeHead(302, { location: "ftp://example.org/x" });
    res.end();
  } else if (path === "/image") {
    res.writeHead(200, { "content-type": "image/png" });
    res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  } else if (path === "/declared-big") {
    res.writeHead(200, { "content-type": "text/plain", "content-length": String(10_000) });
    res.end("x".repeat(10_000));
  } else if (path === "/streamed-big") {
    res.writeHead(200, { "content-type": "text/plain" });
    const chunk = "y".repeat(1024);
    let sent = 0;
    const timer = setInterval(() => {
      if (res.destroyed || sent > 1000) {
        clearInterval(timer);
        res.end();
        return;
      }
      res.write(chunk);
      sent++;
    }, 1);
  } else if (path === "/slow") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.write("start");
    // Never ends.
  } else if (path === "/missing") {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("no");
  } else {
    res.writeHead(500);
    res.end();
  }
}

beforeAll(async () => {
  server = http.createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Options for the local server: loopback allowed on purpose, and a fake name resolving to it. */
const local = (extra: Partial<FetchUrlOptions> = {}): FetchUrlOptions => ({
  maxBytes: 100_000,
  timeoutMs: 2_000,
  maxRedirects: 5,
  resolve: async (host) => (host === "inside.test" ? ["127.0.0.1"] : host === "mixed.test" ? ["8.8.8.8", "10.1.2.3"] : []),
  isAllowedAddress: (address) => address === "127.0.0.1" || isPublicAddress(address),
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error("expected the fetch to fail");
}

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["93.184.216.34", true],
    ["2606:4700:4700::1111", true],
    ["127.0.0.1", false],
    ["10.0.0.1", false],
    ["172.16.5.4", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["0.0.0.0", false],
    ["255.255.255.255", false],
    ["224.0.0.1", false],
    ["100.64.0.1", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fc00::1", false],
    ["fd12:3456::1", false],
    ["ff02::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:8.8.8.8", true],
    ["2002:7f00:1::", false],
    ["not an address", false],
  ])("judges %s public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("fetchUrl", () => {
  it("fetches a page whose bytes import as a document", async () => {
    const page = await fetchUrl(`http://inside.test:${port}/page`, local());
    expect(page.contentType).toBe("text/html; charset=utf-8");
    expect(page.finalUrl).toBe(`http://inside.test:${port}/page`);
    const doc = importDocument({ bytes: page.bytes, contentType: page.contentType });
    expect(doc.title).toBe("Local");
    expect(doc.text).toBe("Hello\n\nA page.");
  });

  it("follows redirects up to the limit and reports the final URL", async () => {
    const page = await fetchUrl(`http://127.0.0.1:${port}/hop/3`, local({ maxRedirects: 4 }));
    expect(page.finalUrl).toBe(`http://127.0.0.1:${port}/page`);
  });

  it.each([
    { name: "loopback by address, by default", url: () => `http://127.0.0.1:${port}/page`, options: () => ({ maxBytes: 1000, timeoutMs: 1000, maxRedirects: 2 }), code: "blocked_address" },
    { name: "localhost, by default", url: () => `http://localhost:${port}/page`, options: () => ({ maxBytes: 1000, timeoutMs: 1000, maxRedirects: 2 }), code: "blocked_address" },
    { name: "IPv6 loopback, by default", url: () => `http://[::1]:${port}/page`, options: () => ({ maxBytes: 1000, timeoutMs: 1000, maxRedirects: 2 }), code: "blocked_address" },
    { name: "a cloud metadata address", url: () => "http://169.254.169.254/latest/meta-data/", options: () => local(), code: "blocked_address" },
    { name: "a host with a private answer among public ones", url: () => "http://mixed.test/", options: () => local(), code: "blocked_address" },
    { name: "a redirect to a private address", url: () => `http://127.0.0.1:${port}/to-private`, options: () => local(), code: "blocked_address" },
    { name: "a redirect to another scheme", url: () => `http://127.0.0.1:${port}/to-ftp`, options: () => local(), code: "invalid_url" },
    { name: "a non-http scheme", url: () => "file:///etc/passwd", options: () => local(), code: "invalid_url" },
    { name: "a javascript: URL", url: () => "javascript:alert(1)", options: () => local(), code: "invalid_url" },
    { name: "text that is no URL", url: () => "not a url", options: () => local(), code: "invalid_url" },
    { name: "an unknown host", url: () => "http://nowhere.test/", options: () => local(), code: "dns_failed" },
    { name: "too many redirects", url: () => `http://127.0.0.1:${port}/hop/5`, options: () => local({ maxRedirects: 3 }), code: "too_many_redirects" },
    { name: "a declared body over the limit", url: () => `http://127.0.0.1:${port}/declared-big`, options: () => local({ maxBytes: 5_000 }), code: "too_large" },
    { name: "a streamed body over the limit", url: () => `http://127.0.0.1:${port}/streamed-big`, options: () => local({ maxBytes: 50_000 }), code: "too_large" },
    { name: "a page that never ends", url: () => `http://127.0.0.1:${port}/slow`, options: () => local({ timeoutMs: 300 }), code: "timeout" },
    { name: "an image", url: () => `http://127.0.0.1:${port}/image`, options: () => local(), code: "unsupported_content_type" },
    { name: "a missing page", url: () => `http://127.0.0.1:${port}/missing`, options: () => local(), code: "http_error" },
  ])("refuses $name ($code)", async ({ url, options, code }) => {
    const error = await failure(fetchUrl(url(), options()));
    expect(error.code).toBe(code);
  });

  it("checks the redirect target's name, not only the first host", async () => {
    const allowedFirstOnly = local({ isAllowedAddress: (a) => a === "127.0.0.1", resolve: async () => ["10.9.9.9"] });
    const error = await failure(fetchUrl(`http://127.0.0.1:${port}/to-named`, allowedFirstOnly));
    expect(error.code).toBe("blocked_address");
  });
});
