// Cross-site request forgery: a change carrying the session cookie is accepted only from the app's own origins; API tokens are exempt.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as workspaceRoute from "@/app/api/v1/workspaces/[workspaceId]/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { createApiToken } from "@/server/tokens/create-api-token.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { exampleWorkspaceId } from "./test-actors.ts";
import { ORIGIN, serveTestDatabase, signUpThroughRoute } from "./route-session.ts";

type Auth = "cookie" | "bearer";
const cases: { name: string; auth: Auth; method?: string; origin?: string; status: number; message?: RegExp }[] = [
  { name: "same origin (localhost)", auth: "cookie", origin: ORIGIN, status: 200 },
  { name: "same origin (127.0.0.1)", auth: "cookie", origin: "http://127.0.0.1:3000", status: 200 },
  { name: "another site", auth: "cookie", origin: "https://evil.example", status: 403, message: /not from https:\/\/evil\.example/ },
  { name: "the same host on another port", auth: "cookie", origin: "http://localhost:3001", status: 403, message: /only from the app's own pages/ },
  { name: "Origin: null (sandboxed frame, data: URL)", auth: "cookie", origin: "null", status: 403, message: /opaque origin/ },
  { name: "no Origin header", auth: "cookie", status: 403, message: /without an Origin header/ },
  { name: "another site, with PUT", auth: "cookie", method: "PUT", origin: "https://evil.example", status: 403 },
  { name: "a bearer token without Origin", auth: "bearer", status: 200 },
  { name: "a bearer token from another site", auth: "bearer", origin: "https://evil.example", status: 200 },
];

describe("CSRF protection of route handlers", () => {
  let t: TestDatabase;
  let workspaceId: string;
  let cookie = "";
  let token = "";

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    workspaceId = await exampleWorkspaceId(t.db);
    const owner = await signUpThroughRoute("owner@example.test");
    cookie = owner.cookie;
    const user = await t.db.user.findUniqueOrThrow({ where: { id: owner.userId } });
    token = (await createApiToken(t.db, { actor: { kind: "user", userId: user.id, name: user.name, email: user.email }, token: { name: "CI", workspaceId, role: "owner" } })).token;
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  const setting = async () => (await t.db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).viewersMayAnnotate;

  for (const { name, auth, method = "PATCH", origin, status, message } of cases) {
    it(`${status === 200 ? "accepts" : "refuses"} a change sent with ${auth === "cookie" ? "the session cookie" : "an API token"} from ${name}`, async () => {
      const before = await setting();
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (auth === "cookie") headers.cookie = cookie;
      else headers.authorization = `Bearer ${token}`;
      if (origin !== undefined) headers.origin = origin;
      const request = new Request(`${ORIGIN}/api/v1/workspaces/${workspaceId}`, { method, headers, body: JSON.stringify({ viewersMayAnnotate: !before }) });
      const response = await workspaceRoute.PATCH(request, { params: Promise.resolve({ workspaceId }) });
      expect(response.status).toBe(status);
      if (status === 403) {
        const body = await response.json();
        expect(body.error.code).toBe("forbidden");
        expect(body.error.message).toMatch(message ?? /./);
        expect(await setting()).toBe(before);
      } else {
        expect(await setting()).toBe(!before);
      }
    });
  }

  it("lets a cookie-authenticated read through without Origin", async () => {
    const response = await workspaceRoute.GET(new Request(`${ORIGIN}/api/v1/workspaces/${workspaceId}`, { headers: { cookie } }), { params: Promise.resolve({ workspaceId }) });
    expect(response.status).toBe(200);
  });
});
