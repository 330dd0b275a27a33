// GET /api/v1/search, called as Next.js calls it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as searchRoute from "@/app/api/v1/search/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { serveTestDatabase, signUpThroughRoute } from "./route-session.ts";

const ORIGIN = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };
const search = (query: string, cookie = "") => searchRoute.GET(new Request(`${ORIGIN}/api/v1/search?${query}`, { headers: { cookie } }), noParams);

const signUp = async (email: string) => (await signUpThroughRoute(email)).cookie;

describe("GET /api/v1/search", () => {
  let t: TestDatabase;
  let owner = "";
  let stranger = "";

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    owner = await signUp("owner@example.test");
    stranger = await signUp("stranger@example.test");
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  const cases = [
    { name: "answers the owner of the example with its matches", query: "q=analysts", as: () => owner, status: 200, hits: true },
    { name: "finds nothing of a workspace the reader is not in", query: "q=analysts", as: () => stranger, status: 200, hits: false },
    { name: "refuses an empty query", query: "q=%20", as: () => owner, status: 400, hits: false },
    { name: "refuses a limit out of range", query: "q=analysts&limit=1000", as: () => owner, status: 400, hits: false },
    { name: "asks anonymous readers to sign in", query: "q=analysts", as: () => "", status: 401, hits: false },
  ];
  for (const { name, query, as, status, hits } of cases) {
    it(name, async () => {
      const response = await search(query, as());
      expect(response.status).toBe(status);
      const body = await response.json();
      if (status === 200) expect(body.hits.length > 0).toBe(hits);
      else expect(body.error.code).toEqual(expect.any(String));
    });
  }
});
