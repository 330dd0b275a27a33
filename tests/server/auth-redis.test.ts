// With REDIS_URL, every app instance shares one sign-in limit and one session cache; a Redis outage answers 503, never a crash.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route.ts";
import * as dossierRoute from "@/app/api/v1/dossiers/[dossierId]/route.ts";
import { AUTH_RATE_LIMITS, createAuth, type Auth } from "@/server/auth/get-auth.ts";
import { openRedisStorage, REDIS_UNAVAILABLE_MESSAGE, type RedisStorage } from "@/server/auth/open-redis-storage.ts";
import { readRedisUrl } from "@/server/auth/read-redis-url.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { StartupError } from "@/server/db/startup-error.ts";
import { hasRedisServer, startRedis, type TestRedis } from "./start-redis.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { ORIGIN, serveTestDatabase } from "./route-session.ts";

const SECRET = "a test secret that is long enough to sign cookies";
const PASSWORD = "correct horse battery";
const MAX = AUTH_RATE_LIMITS["/sign-in/*"].max;

/** POSTs `path` to one auth instance, as a client at `address` behind the proxy. */
const post = (auth: Auth, path: string, address: string, body: unknown, cookie?: string) =>
  auth.handler(
    new Request(`${ORIGIN}/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": address, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
const wrongPassword = (auth: Auth, address: string, i: number) => post(auth, "sign-in/email", address, { email: "someone@example.test", password: `wrong guess ${i}` });
const cookieOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

describe("readRedisUrl", () => {
  const cases = [
    { name: "unset: no Redis, attempts counted per process", value: undefined, expected: undefined },
    { name: "empty: the same", value: "  ", expected: undefined },
    { name: "redis://", value: "redis://127.0.0.1:6379", expected: "redis://127.0.0.1:6379" },
    { name: "rediss:// with a password and a database", value: "rediss://:pw@cache.example:6380/2", expected: "rediss://:pw@cache.example:6380/2" },
  ];
  for (const { name, value, expected } of cases) it(name, () => expect(readRedisUrl({ REDIS_URL: value })).toBe(expected));
  for (const value of ["not a url", "http://127.0.0.1:6379", "redis://"]) {
    it(`refuses ${JSON.stringify(value)} at start-up with the fix`, () => {
      expect(() => readRedisUrl({ REDIS_URL: value })).toThrow(StartupError);
      expect((() => { try { readRedisUrl({ REDIS_URL: value }); } catch (e) { return (e as StartupError).toLine(); } })()).toMatch(/REDIS_URL .* — set it to redis:\/\//);
    });
  }
});

describe.skipIf(!hasRedisServer)("auth with REDIS_URL, two instances on one database", () => {
  let t: TestDatabase;
  let redis: TestRedis;
  let stores: RedisStorage[] = [];
  let a: Auth;
  let b: Auth;
  let inspect: Redis;

  beforeAll(async () => {
    [t, redis] = await Promise.all([createTestDatabase({ seed: true }), startRedis()]);
    // Two instances as two app processes would build them: each its own Redis connection.
    stores = [openRedisStorage(redis.url), openRedisStorage(redis.url)];
    a = createAuth(t.db, SECRET, stores[0].storage);
    b = createAuth(t.db, SECRET, stores[1].storage);
    inspect = new Redis(redis.url);
    inspect.on("error", () => {});
    expect((await post(a, "sign-up/email", "192.0.2.1", { name: "Someone", email: "someone@example.test", password: PASSWORD })).status).toBe(200);
    // The route handlers below build the process's own instance, on the same Redis.
    process.env.REDIS_URL = redis.url;
    serveTestDatabase(t);
  });
  afterAll(async () => {
    delete process.env.REDIS_URL;
    setProcessDatabase(undefined);
    inspect?.disconnect();
    await Promise.all(stores.map((s) => s.close()));
    await redis?.kill();
    await t?.drop();
  });

  it(`counts one address's sign-in attempts across both instances: ${MAX} in all are answered, the next is refused on either`, async () => {
    const address = "203.0.113.10";
    for (let i = 0; i < MAX; i++) expect((await wrongPassword(i % 2 ? b : a, address, i)).status).toBe(401);
    for (const auth of [a, b]) {
      const refused = await wrongPassword(auth, address, MAX);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("x-retry-after"))).toBeGreaterThan(0);
    }
    // The right password is refused too, and another address is unaffected.
    expect((await post(b, "sign-in/email", address, { email: "someone@example.test", password: PASSWORD })).status).toBe(429);
    expect((await wrongPassword(b, "198.51.100.10", 0)).status).toBe(401);
  });

  it("keeps the count in Redis, not in a process: once Redis forgets it, the address may try again", async () => {
    const address = "203.0.113.11";
    for (let i = 0; i < MAX; i++) await wrongPassword(a, address, i);
    expect((await wrongPassword(b, address, MAX)).status).toBe(429);
    const counters = await inspect.keys("attest:auth:*sign-in*");
    expect(counters.length).toBeGreaterThan(0);
    const count = Math.max(...(await Promise.all(counters.map((k) => inspect.get(k)))).map(Number));
    expect(count).toBeGreaterThanOrEqual(MAX);
    await inspect.flushdb();
    expect((await wrongPassword(b, address, MAX + 1)).status).toBe(401);
  });

  it("a session made on one instance is valid on the other, and signing out on either ends it on both", async () => {
    const signedIn = await post(a, "sign-in/email", "198.51.100.20", { email: "someone@example.test", password: PASSWORD });
    expect(signedIn.status).toBe(200);
    const cookie = cookieOf(signedIn);
    const headers = new Headers({ cookie });
    expect((await b.api.getSession({ headers }))?.user.email).toBe("someone@example.test");
    expect(await inspect.keys("attest:auth:*")).not.toHaveLength(0);
    expect((await post(b, "sign-out", "198.51.100.20", {}, cookie)).status).toBe(200);
    expect(await a.api.getSession({ headers })).toBeNull();
    expect(await b.api.getSession({ headers })).toBeNull();
  });

  it("sessions stay in the database too: a flushed Redis signs nobody out", async () => {
    const cookie = cookieOf(await post(a, "sign-in/email", "198.51.100.21", { email: "someone@example.test", password: PASSWORD }));
    await inspect.flushdb();
    expect((await b.api.getSession({ headers: new Headers({ cookie }) }))?.user.email).toBe("someone@example.test");
  });

  it("while Redis is down, sign-in and cookie-authenticated routes answer 503 with a clear message; once it is back they work again, in the same process", async () => {
    const signIn = () =>
      authRoute.POST(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "198.51.100.30" },
          body: JSON.stringify({ email: "someone@example.test", password: PASSWORD }),
        }),
      );
    const before = await signIn();
    expect(before.status).toBe(200);
    const cookie = cookieOf(before);
    const dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    const readDossier = () => dossierRoute.GET(new Request(`${ORIGIN}/api/v1/dossiers/${dossierId}`, { headers: { cookie } }), { params: Promise.resolve({ dossierId }) });
    expect((await readDossier()).status).toBe(200);

    await redis.kill();
    for (const response of [await signIn(), await readDossier()]) {
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ error: { code: "unavailable", message: REDIS_UNAVAILABLE_MESSAGE } });
    }
    // Directly on an instance, the same error surfaces as a value the caller can map, not a crash.
    await expect(wrongPassword(a, "198.51.100.31", 0)).rejects.toMatchObject({ code: "unavailable" });

    await redis.start();
    await expect.poll(async () => (await signIn()).status, { timeout: 15_000, interval: 250 }).toBe(200);
    expect((await readDossier()).status).toBe(200);
  });
});
