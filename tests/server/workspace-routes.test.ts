// The workspace, member and invitation routes, called as Next.js calls them: statuses, error bodies,
// 404 across workspaces, 403 for a role that may not, and nothing stored on refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as acceptanceRoute from "@/app/api/v1/invitations/[token]/acceptance/route.ts";
import * as invitationByTokenRoute from "@/app/api/v1/invitations/[token]/route.ts";
import * as invitationRoute from "@/app/api/v1/workspaces/[workspaceId]/invitations/[invitationId]/route.ts";
import * as invitationsRoute from "@/app/api/v1/workspaces/[workspaceId]/invitations/route.ts";
import * as memberRoute from "@/app/api/v1/workspaces/[workspaceId]/members/[userId]/route.ts";
import * as membersRoute from "@/app/api/v1/workspaces/[workspaceId]/members/route.ts";
import * as membershipRoute from "@/app/api/v1/workspaces/[workspaceId]/membership/route.ts";
import * as workspaceRoute from "@/app/api/v1/workspaces/[workspaceId]/route.ts";
import { setProcessDatabase } from "@/server/db/process-database.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";
import { serveTestDatabase, signUpThroughRoute } from "./route-session.ts";

const params = <P>(p: P) => ({ params: Promise.resolve(p) });
const ORIGIN = "http://localhost:3000";
const send = (as: string, method = "GET", body?: unknown) =>
  new Request(`${ORIGIN}/`, {
    method,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", cookie: as, origin: ORIGIN },
  });

const signUp = signUpThroughRoute;

describe("workspace routes", () => {
  let t: TestDatabase;
  let workspaceId: string;
  let owner: { cookie: string; userId: string };
  let reviewer: { cookie: string; userId: string };
  let stranger: { cookie: string; userId: string };

  const tokenOf = (path: string) => path.replace("/invite/", "");
  const invite = async (role = "reviewer", expiresInDays = 7) => {
    const response = await invitationsRoute.POST(send(owner.cookie, "POST", { role, expiresInDays }), params({ workspaceId }));
    expect(response.status).toBe(201);
    return (await response.json()) as { invitation: { id: string }; path: string };
  };

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    serveTestDatabase(t);
    workspaceId = (await t.db.workspace.findUniqueOrThrow({ where: { slug: "example" } })).id;
    owner = await signUp("owner@example.test");
    reviewer = await signUp("reviewer@example.test");
    stranger = await signUp("stranger@example.test");
  });
  afterAll(async () => {
    setProcessDatabase(undefined);
    await t?.drop();
  });

  it("lets someone with the link see the offer without an account, then accept it signed in", async () => {
    const { path } = await invite("reviewer");
    const preview = await invitationByTokenRoute.GET(send(""), params({ token: tokenOf(path) }));
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ workspaceName: expect.any(String), role: "reviewer", status: "pending", yourRole: null });

    const signedOut = await acceptanceRoute.POST(send("", "POST"), params({ token: tokenOf(path) }));
    expect(signedOut.status).toBe(401);
    const accepted = await acceptanceRoute.POST(send(reviewer.cookie, "POST"), params({ token: tokenOf(path) }));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ workspaceId, role: "reviewer", previousRole: null });

    const again = await acceptanceRoute.POST(send(stranger.cookie, "POST"), params({ token: tokenOf(path) }));
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ error: { code: "gone", message: expect.stringMatching(/already been used/) } });
  });

  it("answers 410 with the date for an expired link and 404 for an unknown one", async () => {
    const { invitation, path } = await invite("viewer", 1);
    await t.db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await acceptanceRoute.POST(send(stranger.cookie, "POST"), params({ token: tokenOf(path) }));
    expect(expired.status).toBe(410);
    expect((await expired.json()).error.message).toMatch(/expired on \d{4}-\d\d-\d\d at \d\d:\d\d UTC/);
    const unknown = await acceptanceRoute.POST(send(stranger.cookie, "POST"), params({ token: "C".repeat(43) }));
    expect(unknown.status).toBe(404);
  });

  it("lets the owner list, change and remove members, withdraw invitations and change the setting", async () => {
    const members = await membersRoute.GET(send(reviewer.cookie), params({ workspaceId }));
    expect(members.status).toBe(200);
    expect((await members.json()).members.map((m: { role: string }) => m.role)).toEqual(["owner", "reviewer"]);

    const changed = await memberRoute.PATCH(send(owner.cookie, "PATCH", { role: "viewer" }), params({ workspaceId, userId: reviewer.userId }));
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ userId: reviewer.userId, role: "viewer" });

    const lastOwner = await memberRoute.PATCH(send(owner.cookie, "PATCH", { role: "editor" }), params({ workspaceId, userId: owner.userId }));
    expect(lastOwner.status).toBe(409);
    expect((await lastOwner.json()).error.message).toMatch(/only owner/);

    const badRole = await memberRoute.PATCH(send(owner.cookie, "PATCH", { role: "admin" }), params({ workspaceId, userId: reviewer.userId }));
    expect(badRole.status).toBe(400);

    const { invitation } = await invite("editor");
    const listed = await invitationsRoute.GET(send(owner.cookie), params({ workspaceId }));
    expect((await listed.json()).invitations.map((i: { id: string }) => i.id)).toContain(invitation.id);
    const revoked = await invitationRoute.DELETE(send(owner.cookie, "DELETE"), params({ workspaceId, invitationId: invitation.id }));
    expect(revoked.status).toBe(200);

    const setting = await workspaceRoute.PATCH(send(owner.cookie, "PATCH", { viewersMayAnnotate: false }), params({ workspaceId }));
    expect(setting.status).toBe(200);
    expect(await setting.json()).toEqual({ workspaceId, viewersMayAnnotate: false });
    const view = await workspaceRoute.GET(send(reviewer.cookie), params({ workspaceId }));
    expect(await view.json()).toMatchObject({ id: workspaceId, viewersMayAnnotate: false, role: "viewer", mayInvite: false });

    const temp = await signUp("temp@example.test");
    const joined = await acceptanceRoute.POST(send(temp.cookie, "POST"), params({ token: tokenOf((await invite("editor")).path) }));
    expect(joined.status).toBe(200);
    const removed = await memberRoute.DELETE(send(owner.cookie, "DELETE"), params({ workspaceId, userId: temp.userId }));
    expect(removed.status).toBe(200);
    // Removal ends the removed member's sessions: their cookie signs nothing in any more.
    expect((await membersRoute.GET(send(temp.cookie), params({ workspaceId }))).status).toBe(401);

    const tooLong = await invitationsRoute.POST(send(owner.cookie, "POST", { role: "viewer", expiresInDays: 45 }), params({ workspaceId }));
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error.message).toMatch(/^expiresInDays: A link works for at most 30 days/);
  });

  it("answers 403 to a member whose role does not allow it, changing nothing", async () => {
    const { invitation } = await invite("viewer");
    const before = await t.db.activity.count();
    const as = reviewer.cookie;
    const responses = [
      await invitationsRoute.GET(send(as), params({ workspaceId })),
      await invitationsRoute.POST(send(as, "POST", { role: "owner", expiresInDays: 30 }), params({ workspaceId })),
      await invitationRoute.DELETE(send(as, "DELETE"), params({ workspaceId, invitationId: invitation.id })),
      await memberRoute.PATCH(send(as, "PATCH", { role: "owner" }), params({ workspaceId, userId: reviewer.userId })),
      await memberRoute.DELETE(send(as, "DELETE"), params({ workspaceId, userId: owner.userId })),
      await workspaceRoute.PATCH(send(as, "PATCH", { viewersMayAnnotate: true }), params({ workspaceId })),
    ];
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect((await responses[0]!.json()).error.code).toBe("forbidden");
    expect(await t.db.activity.count()).toBe(before);
  });

  it("answers 404 to a member of another workspace for every route of this one", async () => {
    const { invitation } = await invite("viewer");
    const before = await t.db.activity.count();
    const as = stranger.cookie;
    const responses = [
      await workspaceRoute.GET(send(as), params({ workspaceId })),
      await workspaceRoute.PATCH(send(as, "PATCH", { viewersMayAnnotate: true }), params({ workspaceId })),
      await membersRoute.GET(send(as), params({ workspaceId })),
      await memberRoute.PATCH(send(as, "PATCH", { role: "owner" }), params({ workspaceId, userId: stranger.userId })),
      await memberRoute.DELETE(send(as, "DELETE"), params({ workspaceId, userId: owner.userId })),
      await membershipRoute.DELETE(send(as, "DELETE"), params({ workspaceId })),
      await invitationsRoute.GET(send(as), params({ workspaceId })),
      await invitationsRoute.POST(send(as, "POST", { role: "owner", expiresInDays: 30 }), params({ workspaceId })),
      await invitationRoute.DELETE(send(as, "DELETE"), params({ workspaceId, invitationId: invitation.id })),
    ];
    expect(responses.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404]);
    expect(await t.db.activity.count()).toBe(before);

    // The stranger's own workspace does not reach this one's invitations or members either.
    const own = (await t.db.membership.findFirstOrThrow({ where: { userId: stranger.userId } })).workspaceId;
    const crossed = [
      await invitationRoute.DELETE(send(as, "DELETE"), params({ workspaceId: own, invitationId: invitation.id })),
      await memberRoute.DELETE(send(as, "DELETE"), params({ workspaceId: own, userId: owner.userId })),
      await memberRoute.PATCH(send(as, "PATCH", { role: "viewer" }), params({ workspaceId: own, userId: reviewer.userId })),
    ];
    expect(crossed.map((r) => r.status)).toEqual([404, 404, 404]);
    expect((await t.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull();
  });

  it("answers 401 without a session", async () => {
    const response = await membersRoute.GET(send(""), params({ workspaceId }));
    expect(response.status).toBe(401);
  });

  it("lets a member leave, and refuses the only owner", async () => {
    const left = await membershipRoute.DELETE(send(reviewer.cookie, "DELETE"), params({ workspaceId }));
    expect(left.status).toBe(200);
    const gone = await membersRoute.GET(send(reviewer.cookie), params({ workspaceId }));
    expect(gone.status).toBe(404);
    const ownerLeaves = await membershipRoute.DELETE(send(owner.cookie, "DELETE"), params({ workspaceId }));
    expect(ownerLeaves.status).toBe(409);
  });
});
