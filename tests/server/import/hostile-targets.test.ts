// Specification: URL import refuses every hostile target — private, loopback, link-local and
// metadata addresses in any spelling, names resolving to them, redirects into them, other schemes.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUrl, type FetchUrlOptions } from "@/server/import/fetch-url.ts";
import { FetchError } from "@/server/import/fetch-error.ts";
import { isPublicAddress } from "@/server/import/is-public-address.ts";

/** Host names of the test resolver and the addresses they answer. */
const NAMES: Record<string, string[]> = {
  "loopback.test": ["127.0.0.1"],
  "loopback-high.test": ["127.255.255.254"],
  "private10.test": ["10.20.30.40"],
  "private172.test": ["172.31.255.1"],
  "private192.test": ["192.168.0.10"],
  "cgnat.test": ["100.100.100.200"],
  "metadata.test": ["169.254.169.254"],
  "unspecified.test": ["0.0.0.0"],
  "v6-loopback.test": ["::1"],
  "v6-link-local.test": ["fe80::abcd"],
  "v6-unique-local.test": ["fd00:ec2::254"],
  "v6-mapped.test": ["::ffff:10.0.0.1"],
  "public-then-private.test": ["93.184.216.34", "192.168.1.1"],
};

/** Options with every check on: only the system resolver is replaced. */
const strict = (): FetchUrlOptions => ({
  maxBytes: 10_000,
  timeoutMs: 2_000,
  maxRedirects: 3,
  resolve: async (host) => NAMES[host] ?? [],
});

/** Hostile targets fetched directly: [what, url, expected code]. */
const DIRECT: [string, string, string][] = [
  ["10/8 start", "http://10.0.0.1/", "blocked_address"],
  ["10/8 end", "http://10.255.255.254/", "blocked_address"],
  ["172.16/12 start", "http://172.16.0.1/", "blocked_address"],
  ["172.16/12 end", "http://172.31.255.254/", "blocked_address"],
  ["192.168/16", "http://192.168.1.1/", "blocked_address"],
  ["127/8 loopback", "http://127.0.0.1/", "blocked_address"],
  ["127/8 other", "http://127.1.2.3:8080/", "blocked_address"],
  ["short 127.1", "http://127.1/", "blocked_address"],
  ["0.0.0.0", "http://0.0.0.0/", "blocked_address"],
  ["bare 0", "http://0/", "blocked_address"],
  ["100.64/10 CGNAT", "http://100.64.0.1/", "blocked_address"],
  ["100.64/10 CGNAT end", "http://100.127.255.254/", "blocked_address"],
  ["169.254/16 link-local", "http://169.254.1.1/", "blocked_address"],
  ["169.254.169.254 metadata", "http://169.254.169.254/latest/meta-data/", "blocked_address"],
  ["broadcast", "http://255.255.255.255/", "blocked_address"],
  ["multicast", "http://224.0.0.251/", "blocked_address"],
  ["reserved 240/4", "http://240.0.0.1/", "blocked_address"],
  ["decimal loopback", "http://2130706433/", "blocked_address"],
  ["hex loopback", "http://0x7f000001/", "blocked_address"],
  ["octal loopback", "http://0177.0.0.1/", "blocked_address"],
  ["mixed hex dotted", "http://0x7f.0.0.1/", "blocked_address"],
  ["decimal metadata", "http://2852039166/", "blocked_address"],
  ["hex private", "http://0x0a000001/", "blocked_address"],
  ["IPv6 loopback", "http://[::1]/", "blocked_address"],
  ["IPv6 unspecified", "http://[::]/", "blocked_address"],
  ["IPv6 link-local", "http://[fe80::1]/", "blocked_address"],
  ["IPv6 link-local end of fe80::/10", "http://[febf::1]/", "blocked_address"],
  ["IPv6 unique-local fc00::/7", "http://[fc00::1]/", "blocked_address"],
  ["IPv6 unique-local fd", "http://[fd12:3456:789a::1]/", "blocked_address"],
  ["IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/", "blocked_address"],
  ["IPv4-mapped loopback, hex", "http://[::ffff:7f00:1]/", "blocked_address"],
  ["IPv4-mapped metadata", "http://[0:0:0:0:0:ffff:a9fe:a9fe]/", "blocked_address"],
  ["IPv4-mapped private", "http://[::ffff:192.168.0.1]/", "blocked_address"],
  ["IPv4-compatible loopback", "http://[::127.0.0.1]/", "blocked_address"],
  ["IPv4-translated loopback", "http://[::ffff:0:7f00:1]/", "blocked_address"],
  ["NAT64 metadata", "http://[64:ff9b::a9fe:a9fe]/", "blocked_address"],
  ["6to4 loopback", "http://[2002:7f00:1::]/", "blocked_address"],
  ["IPv6 multicast", "http://[ff02::1]/", "blocked_address"],
  ["IPv6 site-local", "http://[fec0::1]/", "blocked_address"],
  ["IPv6 documentation", "http://[2001:db8::1]/", "blocked_address"],
  ["name resolving to loopback", "http://loopback.test/", "blocked_address"],
  ["name resolving to 127.255.255.254", "http://loopback-high.test/", "blocked_address"],
  ["name resolving to 10/8", "http://private10.test/", "blocked_address"],
  ["name resolving to 172.16/12", "http://private172.test/", "blocked_address"],
  ["name resolving to 192.168/16", "http://private192.test/", "blocked_address"],
  ["name resolving to CGNAT", "http://cgnat.test/", "blocked_address"],
  ["name resolving to metadata", "http://metadata.test/", "blocked_address"],
  ["name resolving to 0.0.0.0", "http://unspecified.test/", "blocked_address"],
  ["name resolving to ::1", "http://v6-loopback.test/", "blocked_address"],
  ["name resolving to fe80::", "http://v6-link-local.test/", "blocked_address"],
  ["name resolving to fd00::", "http://v6-unique-local.test/", "blocked_address"],
  ["name resolving to IPv4-mapped private", "http://v6-mapped.test/", "blocked_address"],
  ["name with a private answer among public ones", "http://public-then-private.test/", "blocked_address"],
  ["file:", "file:///etc/passwd", "invalid_url"],
  ["ftp:", "ftp://example.org/file", "invalid_url"],
  ["gopher:", "gopher://example.org:70/_GET", "invalid_url"],
  ["data:", "data:text/html,<script>alert(1)</script>", "invalid_url"],
  ["javascript:", "javascript:alert(1)", "invalid_url"],
  ["ws:", "ws://example.org/", "invalid_url"],
  ["credentials", "http://user:pass@example.org/", "invalid_url"],
];

/** Redirect targets a public-looking start page sends the fetch to: [what, location, code]. */
const REDIRECTS: [string, string, string][] = [
  ["loopback", "http://127.0.0.2/", "blocked_address"],
  ["10/8", "http://10.0.0.1/admin", "blocked_address"],
  ["172.16/12", "http://172.16.0.1/", "blocked_address"],
  ["192.168/16", "http://192.168.1.1/", "blocked_address"],
  ["CGNAT", "http://100.64.1.1/", "blocked_address"],
  ["metadata", "http://169.254.169.254/latest/meta-data/iam/", "blocked_address"],
  ["decimal 10.0.0.1", "http://167772161/", "blocked_address"],
  ["hex 127.0.0.2", "http://0x7f000002/", "blocked_address"],
  ["IPv6 loopback", "http://[::1]/", "blocked_address"],
  ["IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/", "blocked_address"],
  ["name resolving to metadata", "http://metadata.test/", "blocked_address"],
  ["file:", "file:///etc/passwd", "invalid_url"],
  ["gopher:", "gopher://127.0.0.1:6379/_INFO", "invalid_url"],
  ["data:", "data:text/plain,hello", "invalid_url"],
];

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error("expected the fetch to be refused");
}

describe("URL import refuses hostile targets", () => {
  it("covers at least 40 direct targets", () => {
    expect(DIRECT.length).toBeGreaterThanOrEqual(40);
  });

  it.each(DIRECT)("refuses %s (%s) with %s", async (_what, url, code) => {
    const error = await failure(fetchUrl(url, strict()));
    expect(error.code).toBe(code);
  });

  it.each(Object.entries(NAMES))("judges every answer of %s, %j, not public", (_host, answers) => {
    expect(answers.some((a) => !isPublicAddress(a))).toBe(true);
  });
});

describe("URL import refuses redirects into hostile targets", () => {
  let server: http.Server;
  let port = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const index = Number(new URL(req.url ?? "/", "http://x").searchParams.get("to"));
      res.writeHead(302, { location: REDIRECTS[index]?.[1] ?? "/" });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // The start page stands for a public site: "start.test" answers 127.0.0.1 and only that one
  // address is let through, so every later hop meets the ordinary checks (which is why no
  // target below spells 127.0.0.1 itself).
  const viaStart = (): FetchUrlOptions => ({
    ...strict(),
    resolve: async (host) => (host === "start.test" ? ["127.0.0.1"] : NAMES[host] ?? []),
    isAllowedAddress: (address) => address === "127.0.0.1" || isPublicAddress(address),
  });

  it.each(REDIRECTS.map((row, index) => [...row, index] as const))("refuses a redirect to %s (%s) with %s", async (_what, _location, code, index) => {
    const error = await failure(fetchUrl(`http://start.test:${port}/?to=${index}`, viaStart()));
    expect(error.code).toBe(code);
  });
});
