// Removing a member signs them out and closes their open live stream at once; signing in issues a fresh session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route.ts";
import * as eventsRoute from "@/app/api/v1/dossiers/[dossierId]/events/route.ts";
import * as memberRoute from "@/app/api/v1/workspaces/[workspaceId]/members/[userId]/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";
import { ORIGIN, serveTestDatabase, signUpThroughRoute } from "../route-session.ts";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

const events = (cookie: string, dossierId: string, signal?: AbortSignal) =>
  eventsRoute.GET(new Request(`${ORIGIN}/api/v1/dossiers/${dossierId}/events`, { headers: { cookie }, signal }), params({ dossierId }));

const signIn = (email: string, cookie = "") =>
  authRoute.POST(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ email, password: "correct horse battery" }),
    }),
  );

const cookieOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

describe("ending and rotating sessions", () => {
  let t: TestDatabase;
  let dossierId: string;
  let workspaceId: string;
  let owner = "";

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    const dossier = await t.db.dossier.findFirstOrThrow();
    dossierId = dossier.id;
    workspaceId = dossier.workspaceId;
    // The first account owns the example's workspace.
    owner = (await signUpThroughRoute("owner@example.test")).cookie;
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  it("closes a removed member's open event stream at once and signs them out; the owner stays signed in", async () => {
    const member = await signUpThroughRoute("removed@example.test");
    await t.db.membership.create({ data: { workspaceId, userId: member.userId, role: "reviewer" } });
    const abort = new AbortController();
    const response = await events(member.cookie, dossierId, abort.signal);
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let seen = "";
    while (!seen.includes("event: hello")) seen += (await reader.read()).value ?? "";

    const removedAt = Date.now();
    const removal = await memberRoute.DELETE(
      new Request(`${ORIGIN}/`, { method: "DELETE", headers: { cookie: owner, origin: ORIGIN } }),
      params({ workspaceId, userId: member.userId }),
    );
    expect(removal.status).toBe(200);
    expect(await removal.json()).toMatchObject({ userId: member.userId, sessionsEnded: true });

    // The stream ends long before the next heartbeat would have re-checked access.
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    expect(Date.now() - removedAt).toBeLessThan(5_000);
    expect(await t.db.session.count({ where: { userId: member.userId } })).toBe(0);
    expect((await events(member.cookie, dossierId)).status).toBe(401);
    const ownerStream = await events(owner, dossierId, AbortSignal.timeout(1_000));
    expect(ownerStream.status).toBe(200);
    await ownerStream.body?.cancel();
    abort.abort();
  });

  it("gives a fresh session token at every sign-in, never the one the browser already holds", async () => {
    const { cookie: first } = await signUpThroughRoute("rotating@example.test");
    const again = await signIn("rotating@example.test", first);
    expect(again.status).toBe(200);
    const second = cookieOf(again);
    expect(second).toMatch(/session_token=/);
    expect(second).not.toBe(first);
    expect((await events(second, dossierId)).status).not.toBe(401);
  });
});
