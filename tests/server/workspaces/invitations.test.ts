// Invitations by link: created by owners with a role and an expiry, used once, withdrawn, expired.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/server/generated/prisma/client.ts";
import { ANONYMOUS } from "@/server/policies/actor.ts";
import { acceptInvitation } from "@/server/workspaces/accept-invitation.ts";
import { createInvitation } from "@/server/workspaces/create-invitation.ts";
import { getInvitation } from "@/server/workspaces/get-invitation.ts";
import { hashInvitationToken } from "@/server/workspaces/hash-invitation-token.ts";
import { listInvitations } from "@/server/workspaces/list-invitations.ts";
import { revokeInvitation } from "@/server/workspaces/revoke-invitation.ts";
import { createMember } from "../test-actors.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-11-29T12:00:00Z");
const tokenOf = (path: string) => path.replace("/invite/", "");

describe("invitations", () => {
  let t: TestDatabase;
  let workspaceId: string;
  let owner: Awaited<ReturnType<typeof createMember>>;

  /** A user with a workspace of their own and no membership in the test workspace. */
  const outsider = async () => {
    const elsewhere = await t.db.workspace.create({ data: { name: "Elsewhere", slug: `w-${crypto.randomUUID()}` } });
    return createMember(t.db, elsewhere.id, "owner");
  };
  const invite = async (role: Role = "reviewer", expiresInDays = 7, now = NOW) =>
    createInvitation(t.db, { workspaceId, invitation: { role, expiresInDays }, actor: owner, now });
  const roleOf = async (userId: string) =>
    (await t.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }))?.role ?? null;

  beforeAll(async () => {
    t = await createTestDatabase();
    workspaceId = (await t.db.workspace.create({ data: { name: "Newsroom", slug: "newsroom" } })).id;
    owner = await createMember(t.db, workspaceId, "owner", "Olive Owner");
  });
  afterAll(async () => t?.drop());

  describe("createInvitation", () => {
    it("returns a link with a random token once and stores only the token's hash", async () => {
      const { invitation, path } = await invite("reviewer", 3);
      expect(path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
      expect(invitation).toMatchObject({ role: "reviewer", invitedByName: "Olive Owner", expiresAt: new Date(NOW.getTime() + 3 * DAY).toISOString() });
      const row = await t.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      expect(row.tokenHash).toBe(hashInvitationToken(tokenOf(path)));
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(tokenOf(path));
      expect(JSON.stringify(invitation)).not.toContain(tokenOf(path));
    });

    it("makes a different token each time", async () => {
      const paths = new Set<string>();
      for (let i = 0; i < 5; i++) paths.add((await invite()).path);
      expect(paths.size).toBe(5);
    });

    it("logs the invitation with its role and expiry", async () => {
      const { invitation } = await invite("editor", 30);
      const entry = await t.db.activity.findFirstOrThrow({ where: { entityId: invitation.id, action: "invitation.created" } });
      expect(entry).toMatchObject({ workspaceId, actorId: owner.userId, entityType: "invitation" });
      expect(entry.after).toEqual({ role: "editor", expiresAt: invitation.expiresAt });
    });

    it("defaults to a week", async () => {
      const { invitation } = await createInvitation(t.db, { workspaceId, invitation: { role: "viewer" }, actor: owner, now: NOW });
      expect(invitation.expiresAt).toBe(new Date(NOW.getTime() + 7 * DAY).toISOString());
    });

    const invalid = [
      { name: "zero days", invitation: { role: "viewer", expiresInDays: 0 }, message: /at least 1 day/ },
      { name: "31 days", invitation: { role: "viewer", expiresInDays: 31 }, message: /at most 30 days/ },
      { name: "a fraction of a day", invitation: { role: "viewer", expiresInDays: 1.5 }, message: /whole number/ },
      { name: "an unknown role", invitation: { role: "admin", expiresInDays: 7 }, message: /viewer, reviewer, editor or owner/ },
    ];
    for (const { name, invitation, message } of invalid) {
      it(`refuses ${name}, storing nothing`, async () => {
        const before = await t.db.invitation.count();
        await expect(createInvitation(t.db, { workspaceId, invitation: invitation as never, actor: owner })).rejects.toMatchObject({ code: "invalid_input", message });
        expect(await t.db.invitation.count()).toBe(before);
      });
    }

    const refusals: { who: string; actor: () => Promise<never>; code: string }[] = [
      { who: "an editor", actor: () => createMember(t.db, workspaceId, "editor") as never, code: "forbidden" },
      { who: "someone of another workspace", actor: () => outsider() as never, code: "not_found" },
      { who: "someone signed out", actor: async () => ANONYMOUS as never, code: "unauthenticated" },
    ];
    for (const { who, actor, code } of refusals) {
      it(`answers ${code} to ${who}`, async () => {
        const before = await t.db.invitation.count();
        await expect(createInvitation(t.db, { workspaceId, invitation: { role: "viewer", expiresInDays: 7 }, actor: await actor() })).rejects.toMatchObject({ code });
        expect(await t.db.invitation.count()).toBe(before);
      });
    }
  });

  describe("listInvitations", () => {
    it("lists only pending invitations, soonest to expire first", async () => {
      const soon = await invite("viewer", 1);
      const later = await invite("editor", 20);
      const used = await invite("reviewer", 2);
      await acceptInvitation(t.db, { token: tokenOf(used.path), actor: await outsider(), now: NOW });
      const withdrawn = await invite("reviewer", 2);
      await revokeInvitation(t.db, { workspaceId, invitationId: withdrawn.invitation.id, actor: owner, now: NOW });

      const ids = (await listInvitations(t.db, { workspaceId, actor: owner, now: NOW })).map((i) => i.id);
      expect(ids).toContain(soon.invitation.id);
      expect(ids).toContain(later.invitation.id);
      expect(ids).not.toContain(used.invitation.id);
      expect(ids).not.toContain(withdrawn.invitation.id);
      expect(ids.indexOf(soon.invitation.id)).toBeLessThan(ids.indexOf(later.invitation.id));

      const twoDaysOn = (await listInvitations(t.db, { workspaceId, actor: owner, now: new Date(NOW.getTime() + 2 * DAY) })).map((i) => i.id);
      expect(twoDaysOn).not.toContain(soon.invitation.id);
      expect(twoDaysOn).toContain(later.invitation.id);
    });

    it("is for owners only", async () => {
      await expect(listInvitations(t.db, { workspaceId, actor: await createMember(t.db, workspaceId, "editor") })).rejects.toMatchObject({ code: "forbidden" });
      await expect(listInvitations(t.db, { workspaceId, actor: await outsider() })).rejects.toMatchObject({ code: "not_found" });
    });
  });

  describe("revokeInvitation", () => {
    it("withdraws the link, logs it once, and says why the link no longer works", async () => {
      const { invitation, path } = await invite();
      const result = await revokeInvitation(t.db, { workspaceId, invitationId: invitation.id, actor: owner, now: NOW });
      expect(result).toEqual({ id: invitation.id, revokedAt: NOW.toISOString() });
      await expect(revokeInvitation(t.db, { workspaceId, invitationId: invitation.id, actor: owner })).resolves.toEqual(result);
      expect(await t.db.activity.count({ where: { entityId: invitation.id, action: "invitation.revoked" } })).toBe(1);

      const someone = await outsider();
      await expect(acceptInvitation(t.db, { token: tokenOf(path), actor: someone, now: NOW })).rejects.toMatchObject({ code: "gone", message: /was withdrawn/ });
      expect(await roleOf(someone.userId)).toBeNull();
      expect(await getInvitation(t.db, { token: tokenOf(path), actor: someone, now: NOW })).toMatchObject({ status: "revoked", problem: expect.stringMatching(/withdrawn/) });
    });

    it("refuses to withdraw an invitation already used", async () => {
      const { invitation, path } = await invite();
      await acceptInvitation(t.db, { token: tokenOf(path), actor: await outsider(), now: NOW });
      await expect(revokeInvitation(t.db, { workspaceId, invitationId: invitation.id, actor: owner })).rejects.toMatchObject({ code: "conflict", message: /already been used/ });
    });

    it("answers not_found for an invitation of another workspace, and forbidden to a non-owner", async () => {
      const elsewhere = await t.db.workspace.create({ data: { name: "Other", slug: "other-revoke" } });
      const otherOwner = await createMember(t.db, elsewhere.id, "owner");
      const theirs = await createInvitation(t.db, { workspaceId: elsewhere.id, invitation: { role: "viewer", expiresInDays: 3 }, actor: otherOwner });
      await expect(revokeInvitation(t.db, { workspaceId, invitationId: theirs.invitation.id, actor: owner })).rejects.toMatchObject({ code: "not_found" });
      await expect(revokeInvitation(t.db, { workspaceId, invitationId: "not-an-id", actor: owner })).rejects.toMatchObject({ code: "not_found" });
      const mine = await invite();
      await expect(revokeInvitation(t.db, { workspaceId, invitationId: mine.invitation.id, actor: await createMember(t.db, workspaceId, "editor") })).rejects.toMatchObject({ code: "forbidden" });
      expect((await t.db.invitation.findUniqueOrThrow({ where: { id: theirs.invitation.id } })).revokedAt).toBeNull();
      expect((await t.db.invitation.findUniqueOrThrow({ where: { id: mine.invitation.id } })).revokedAt).toBeNull();
    });
  });

  describe("getInvitation", () => {
    it("shows the workspace, the role offered, and the reader's own role", async () => {
      const { path } = await invite("editor", 5);
      const signedOut = await getInvitation(t.db, { token: tokenOf(path), actor: ANONYMOUS, now: NOW });
      expect(signedOut).toMatchObject({ workspaceId, workspaceName: "Newsroom", role: "editor", invitedByName: "Olive Owner", status: "pending", problem: null, yourRole: null });
      expect((await getInvitation(t.db, { token: tokenOf(path), actor: owner, now: NOW })).yourRole).toBe("owner");
    });

    const unknown = ["", "short", "A".repeat(43), "../../etc/passwd", "x".repeat(500)];
    for (const token of unknown) {
      it(`answers not_found for the token ${JSON.stringify(token.slice(0, 12))}`, async () => {
        await expect(getInvitation(t.db, { token, actor: ANONYMOUS })).rejects.toMatchObject({ code: "not_found", message: /does not work/ });
      });
    }
  });

  describe("acceptInvitation", () => {
    it("makes the signed-in user a member with the invitation's role, once, and logs it", async () => {
      const { invitation, path } = await invite("reviewer");
      const newcomer = await outsider();
      const accepted = await acceptInvitation(t.db, { token: tokenOf(path), actor: newcomer, now: NOW });
      expect(accepted).toEqual({ workspaceId, workspaceName: "Newsroom", role: "reviewer", previousRole: null });
      expect(await roleOf(newcomer.userId)).toBe("reviewer");
      expect(await t.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ acceptedAt: NOW, acceptedById: newcomer.userId });
      const entry = await t.db.activity.findFirstOrThrow({ where: { entityId: invitation.id, action: "invitation.accepted" } });
      expect(entry).toMatchObject({ workspaceId, actorId: newcomer.userId, before: null, after: { userId: newcomer.userId, role: "reviewer" } });

      const second = await outsider();
      await expect(acceptInvitation(t.db, { token: tokenOf(path), actor: second, now: NOW })).rejects.toMatchObject({ code: "gone", message: /already been used/ });
      expect(await roleOf(second.userId)).toBeNull();
    });

    it("refuses an expired link with the date it expired, adding nobody", async () => {
      const { path } = await invite("editor", 1);
      const late = await outsider();
      const dayAfter = new Date(NOW.getTime() + DAY);
      await expect(acceptInvitation(t.db, { token: tokenOf(path), actor: late, now: dayAfter })).rejects.toMatchObject({
        code: "gone",
        message: "This invitation to Newsroom expired on 2026-11-30 at 12:00 UTC. Ask an owner of the workspace for a new link.",
        details: { status: "expired" },
      });
      expect(await roleOf(late.userId)).toBeNull();
      expect((await getInvitation(t.db, { token: tokenOf(path), actor: late, now: dayAfter })).status).toBe("expired");
    });

    it("refuses a link whose expiry was set in the past, with the real clock", async () => {
      const { invitation, path } = await invite("viewer", 1, new Date());
      await t.db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
      await expect(acceptInvitation(t.db, { token: tokenOf(path), actor: await outsider() })).rejects.toMatchObject({ code: "gone", message: /expired on/ });
    });

    it("keeps the higher role of a member: a lower invitation is refused and stays usable", async () => {
      const editor = await createMember(t.db, workspaceId, "editor");
      const { invitation, path } = await invite("reviewer");
      const before = await t.db.activity.count();
      await expect(acceptInvitation(t.db, { token: tokenOf(path), actor: editor, now: NOW })).rejects.toMatchObject({
        code: "conflict",
        message: "You are already a member of Newsroom as editor; this invitation (reviewer) would not change that.",
      });
      expect(await roleOf(editor.userId)).toBe("editor");
      expect((await t.db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
      expect(await t.db.activity.count()).toBe(before);
      await expect(acceptInvitation(t.db, { token: tokenOf(path), actor: await outsider(), now: NOW })).resolves.toMatchObject({ role: "reviewer" });
    });

    it("raises a member to the invitation's higher role", async () => {
      const viewer = await createMember(t.db, workspaceId, "viewer");
      const { path } = await invite("editor");
      await expect(acceptInvitation(t.db, { token: tokenOf(path), actor: viewer, now: NOW })).resolves.toMatchObject({ role: "editor", previousRole: "viewer" });
      expect(await roleOf(viewer.userId)).toBe("editor");
    });

    it("asks someone signed out to sign in, and answers not_found for an unknown token", async () => {
      const { path } = await invite();
      await expect(acceptInvitation(t.db, { token: tokenOf(path), actor: ANONYMOUS })).rejects.toMatchObject({ code: "unauthenticated" });
      await expect(acceptInvitation(t.db, { token: "B".repeat(43), actor: await outsider() })).rejects.toMatchObject({ code: "not_found" });
    });

    it("lets only one of two people racing for the same link in", async () => {
      const { path } = await invite("reviewer");
      const [a, b] = [await outsider(), await outsider()];
      const results = await Promise.allSettled([a, b].map((actor) => acceptInvitation(t.db, { token: tokenOf(path), actor, now: NOW })));
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "gone" } });
      const roles = [await roleOf(a.userId), await roleOf(b.userId)];
      expect(roles.filter((r) => r === "reviewer")).toHaveLength(1);
    });
  });
});
