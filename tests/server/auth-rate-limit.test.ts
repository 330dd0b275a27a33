// Sign-in and sign-up attempts are limited per client address: the eleventh in a minute answers 429.
import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route.ts";
import { AUTH_RATE_LIMITS } from "@/server/auth/get-auth.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { setClientAddress } from "@/server/http/set-client-address.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { ORIGIN, serveTestDatabase, signUpThroughRoute } from "./route-session.ts";

const attempt = (path: string, address: string, body: unknown) =>
  authRoute.POST(
    new Request(`${ORIGIN}/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": address },
      body: JSON.stringify(body),
    }),
  );

describe("rate limits of sign-in and sign-up", () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    await signUpThroughRoute("someone@example.test");
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  const cases = [
    { route: "sign-in/email", max: AUTH_RATE_LIMITS["/sign-in/*"].max, body: (i: number) => ({ email: "someone@example.test", password: `wrong guess ${i}` }), allowed: 401 },
    { route: "sign-up/email", max: AUTH_RATE_LIMITS["/sign-up/*"].max, body: (i: number) => ({ name: `N${i}`, email: `new${i}@example.test`, password: "correct horse battery" }), allowed: 200 },
  ];
  for (const [index, { route, max, body, allowed }] of cases.entries()) {
    it(`${route}: ${max} attempts a minute from one address are answered, the next gets 429, another address is unaffected`, async () => {
      const address = `203.0.113.${10 + index}`;
      for (let i = 0; i < max; i++) expect((await attempt(route, address, body(i))).status).toBe(allowed);
      const refused = await attempt(route, address, body(max));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("x-retry-after"))).toBeGreaterThan(0);
      expect((await attempt(route, `198.51.100.${index}`, body(max + 1))).status).toBe(allowed);
    });
  }

  it("a right password is refused too once the address is over the limit", async () => {
    const address = "203.0.113.50";
    for (let i = 0; i < AUTH_RATE_LIMITS["/sign-in/*"].max; i++) await attempt("sign-in/email", address, { email: "someone@example.test", password: "wrong" });
    expect((await attempt("sign-in/email", address, { email: "someone@example.test", password: "correct horse battery" })).status).toBe(429);
  });
});

describe("the client address attempts are counted under", () => {
  const cases = [
    { name: "a forged X-Forwarded-For is replaced by the connection's address", header: "1.2.3.4", remote: "192.0.2.7", trustProxy: false, expected: "192.0.2.7" },
    { name: "a missing header is set from the connection", header: undefined, remote: "192.0.2.8", trustProxy: false, expected: "192.0.2.8" },
    { name: "behind a trusted proxy (TRUST_PROXY=1) the proxy's header stays", header: "1.2.3.4", remote: "10.0.0.2", trustProxy: true, expected: "1.2.3.4" },
  ];
  for (const { name, header, remote, trustProxy, expected } of cases) {
    it(name, () => {
      const req = { headers: header ? { "x-forwarded-for": header } : {}, socket: { remoteAddress: remote } } as unknown as IncomingMessage;
      setClientAddress(req, trustProxy);
      expect(req.headers["x-forwarded-for"]).toBe(expected);
    });
  }
});
