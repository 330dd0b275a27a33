// Members of a workspace: listing, changing roles, removing, leaving, and the owner's settings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAnnotation } from "@/server/annotations/create-annotation.ts";
import { ANONYMOUS } from "@/server/policies/actor.ts";
import { changeMemberRole } from "@/server/workspaces/change-member-role.ts";
import { getWorkspaceOrThrow } from "@/server/workspaces/get-workspace-or-throw.ts";
import { leaveWorkspace } from "@/server/workspaces/leave-workspace.ts";
import { listMembers } from "@/server/workspaces/list-members.ts";
import { removeMember } from "@/server/workspaces/remove-member.ts";
import { setViewersMayAnnotate } from "@/server/workspaces/set-viewers-may-annotate.ts";
import { createMember, exampleWorkspaceId } from "../test-actors.ts";
import { createTestDatabase, type TestDatabase } from "../test-database.ts";

type Member = Awaited<ReturnType<typeof createMember>>;

describe("workspace members", () => {
  let t: TestDatabase;
  let workspaceId: string;
  let owner: Member;

  const roleOf = async (userId: string, inWorkspace = workspaceId) =>
    (await t.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId: inWorkspace, userId } } }))?.role ?? null;
  const outsider = async () => {
    const elsewhere = await t.db.workspace.create({ data: { name: "Elsewhere", slug: `w-${crypto.randomUUID()}` } });
    return createMember(t.db, elsewhere.id, "owner");
  };

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    workspaceId = await exampleWorkspaceId(t.db);
  });
  beforeEach(async () => {
    // Each test starts from one owner and nobody else.
    await t.db.membership.deleteMany({ where: { workspaceId } });
    owner = await createMember(t.db, workspaceId, "owner", "Olive Owner");
  });
  afterAll(async () => t?.drop());

  describe("getWorkspaceOrThrow and listMembers", () => {
    it("show every member the workspace, their role, and the others, owners first", async () => {
      const viewer = await createMember(t.db, workspaceId, "viewer", "Vic Viewer");
      await createMember(t.db, workspaceId, "editor", "Eve Editor");
      expect(await getWorkspaceOrThrow(t.db, { workspaceId, actor: viewer })).toMatchObject({
        id: workspaceId,
        role: "viewer",
        mayInvite: false,
        mayManageMembers: false,
        mayChangeSettings: false,
      });
      expect(await getWorkspaceOrThrow(t.db, { workspaceId, actor: owner })).toMatchObject({ role: "owner", mayInvite: true, mayManageMembers: true, mayChangeSettings: true });
      const members = await listMembers(t.db, { workspaceId, actor: viewer });
      expect(members.map((m) => [m.name, m.role])).toEqual([
        ["Olive Owner", "owner"],
        ["Eve Editor", "editor"],
        ["Vic Viewer", "viewer"],
      ]);
      expect(Object.keys(members[0]!).sort()).toEqual(["email", "joinedAt", "name", "role", "userId"]);
    });

    it("answer not_found to someone of another workspace, for a malformed id too", async () => {
      const stranger = await outsider();
      await expect(getWorkspaceOrThrow(t.db, { workspaceId, actor: stranger })).rejects.toMatchObject({ code: "not_found" });
      await expect(listMembers(t.db, { workspaceId, actor: stranger })).rejects.toMatchObject({ code: "not_found" });
      await expect(listMembers(t.db, { workspaceId: "nope", actor: owner })).rejects.toMatchObject({ code: "not_found" });
      await expect(listMembers(t.db, { workspaceId, actor: ANONYMOUS })).rejects.toMatchObject({ code: "unauthenticated" });
    });
  });

  describe("changeMemberRole", () => {
    it("gives a member another role and logs before and after", async () => {
      const reviewer = await createMember(t.db, workspaceId, "reviewer");
      const result = await changeMemberRole(t.db, { workspaceId, userId: reviewer.userId, change: { role: "viewer" }, actor: owner });
      expect(result).toMatchObject({ userId: reviewer.userId, role: "viewer" });
      expect(await roleOf(reviewer.userId)).toBe("viewer");
      const entry = await t.db.activity.findFirstOrThrow({ where: { action: "member.role_changed", actorId: owner.userId }, orderBy: { at: "desc" } });
      expect(entry).toMatchObject({ workspaceId, before: { userId: reviewer.userId, role: "reviewer" }, after: { userId: reviewer.userId, role: "viewer" } });
    });

    it("changes and logs nothing when the role is the same", async () => {
      const editor = await createMember(t.db, workspaceId, "editor");
      const before = await t.db.activity.count();
      await expect(changeMemberRole(t.db, { workspaceId, userId: editor.userId, change: { role: "editor" }, actor: owner })).resolves.toMatchObject({ role: "editor" });
      expect(await t.db.activity.count()).toBe(before);
    });

    it("refuses to demote the only owner, and lets one of two owners step down", async () => {
      await expect(changeMemberRole(t.db, { workspaceId, userId: owner.userId, change: { role: "editor" }, actor: owner })).rejects.toMatchObject({
        code: "conflict",
        message: "You are the only owner of this workspace: make another member owner first.",
      });
      expect(await roleOf(owner.userId)).toBe("owner");
      const second = await createMember(t.db, workspaceId, "editor", "Sam Second");
      await changeMemberRole(t.db, { workspaceId, userId: second.userId, change: { role: "owner" }, actor: owner });
      await changeMemberRole(t.db, { workspaceId, userId: owner.userId, change: { role: "editor" }, actor: owner });
      expect(await roleOf(owner.userId)).toBe("editor");
      await expect(changeMemberRole(t.db, { workspaceId, userId: second.userId, change: { role: "viewer" }, actor: second })).rejects.toMatchObject({ code: "conflict" });
    });

    it("lets only one of two owners demoting each other at once succeed", async () => {
      const second = await createMember(t.db, workspaceId, "owner");
      const results = await Promise.allSettled([
        changeMemberRole(t.db, { workspaceId, userId: second.userId, change: { role: "editor" }, actor: owner }),
        changeMemberRole(t.db, { workspaceId, userId: owner.userId, change: { role: "editor" }, actor: second }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await t.db.membership.count({ where: { workspaceId, role: "owner" } })).toBe(1);
    });

    const refusals = [
      { name: "an editor", role: "editor" as const, code: "forbidden" },
      { name: "a viewer", role: "viewer" as const, code: "forbidden" },
    ];
    for (const { name, role, code } of refusals) {
      it(`answers ${code} to ${name}, changing nothing`, async () => {
        const actor = await createMember(t.db, workspaceId, role);
        const target = await createMember(t.db, workspaceId, "reviewer");
        await expect(changeMemberRole(t.db, { workspaceId, userId: target.userId, change: { role: "owner" }, actor })).rejects.toMatchObject({ code });
        expect(await roleOf(target.userId)).toBe("reviewer");
      });
    }

    it("answers not_found for someone who is not a member, and for another workspace", async () => {
      const stranger = await outsider();
      await expect(changeMemberRole(t.db, { workspaceId, userId: stranger.userId, change: { role: "viewer" }, actor: owner })).rejects.toMatchObject({ code: "not_found", message: "No such member." });
      const member = await createMember(t.db, workspaceId, "reviewer");
      await expect(changeMemberRole(t.db, { workspaceId, userId: member.userId, change: { role: "viewer" }, actor: stranger })).rejects.toMatchObject({ code: "not_found", message: "No such workspace." });
      expect(await roleOf(member.userId)).toBe("reviewer");
    });

    it("refuses an unknown role", async () => {
      const member = await createMember(t.db, workspaceId, "reviewer");
      await expect(changeMemberRole(t.db, { workspaceId, userId: member.userId, change: { role: "admin" } as never, actor: owner })).rejects.toMatchObject({ code: "invalid_input" });
    });
  });

  describe("removeMember", () => {
    it("ends the member's access, unassigns their claims and logs it", async () => {
      const reviewer = await createMember(t.db, workspaceId, "reviewer");
      const claim = await t.db.claim.findFirstOrThrow({ where: { dossier: { workspaceId } } });
      await t.db.claim.update({ where: { id: claim.id }, data: { assigneeId: reviewer.userId } });
      const result = await removeMember(t.db, { workspaceId, userId: reviewer.userId, actor: owner });
      expect(result).toEqual({ userId: reviewer.userId, unassignedClaims: 1, sessionsEnded: true });
      expect(await roleOf(reviewer.userId)).toBeNull();
      const after = await t.db.claim.findUniqueOrThrow({ where: { id: claim.id } });
      expect(after.assigneeId).toBeNull();
      expect(after.revision).toBe(claim.revision + 1);
      await expect(getWorkspaceOrThrow(t.db, { workspaceId, actor: reviewer })).rejects.toMatchObject({ code: "not_found" });
      const entry = await t.db.activity.findFirstOrThrow({ where: { action: "member.removed" }, orderBy: { at: "desc" } });
      expect(entry).toMatchObject({ actorId: owner.userId, before: { userId: reviewer.userId, role: "reviewer" } });
    });

    it("refuses to remove the only owner", async () => {
      await expect(removeMember(t.db, { workspaceId, userId: owner.userId, actor: owner })).rejects.toMatchObject({ code: "conflict", message: /only owner/ });
      expect(await roleOf(owner.userId)).toBe("owner");
    });

    it("lets an owner remove another owner while one remains", async () => {
      const second = await createMember(t.db, workspaceId, "owner", "Sam Second");
      await removeMember(t.db, { workspaceId, userId: second.userId, actor: owner });
      expect(await roleOf(second.userId)).toBeNull();
    });

    it("answers forbidden to an editor and not_found for a non-member", async () => {
      const editor = await createMember(t.db, workspaceId, "editor");
      const viewer = await createMember(t.db, workspaceId, "viewer");
      await expect(removeMember(t.db, { workspaceId, userId: viewer.userId, actor: editor })).rejects.toMatchObject({ code: "forbidden" });
      await expect(removeMember(t.db, { workspaceId, userId: (await outsider()).userId, actor: owner })).rejects.toMatchObject({ code: "not_found" });
      await expect(removeMember(t.db, { workspaceId, userId: "nope", actor: owner })).rejects.toMatchObject({ code: "not_found" });
      expect(await roleOf(viewer.userId)).toBe("viewer");
    });
  });

  describe("leaveWorkspace", () => {
    it("lets any member leave, and logs it", async () => {
      for (const role of ["viewer", "reviewer", "editor"] as const) {
        const member = await createMember(t.db, workspaceId, role);
        await expect(leaveWorkspace(t.db, { workspaceId, actor: member })).resolves.toEqual({ workspaceId, unassignedClaims: 0 });
        expect(await roleOf(member.userId)).toBeNull();
        expect(await t.db.activity.findFirst({ where: { action: "member.left", actorId: member.userId } })).toMatchObject({ before: { userId: member.userId, role } });
      }
    });

    it("refuses the only owner, and lets an owner leave when another remains", async () => {
      await expect(leaveWorkspace(t.db, { workspaceId, actor: owner })).rejects.toMatchObject({
        code: "conflict",
        message: "You are the only owner of this workspace: make another member owner before you leave.",
      });
      await createMember(t.db, workspaceId, "owner");
      await leaveWorkspace(t.db, { workspaceId, actor: owner });
      expect(await roleOf(owner.userId)).toBeNull();
    });

    it("answers not_found to a non-member", async () => {
      await expect(leaveWorkspace(t.db, { workspaceId, actor: await outsider() })).rejects.toMatchObject({ code: "not_found" });
    });
  });

  describe("setViewersMayAnnotate", () => {
    it("stops and allows viewers annotating from the next call on, logging each change once", async () => {
      const viewer = await createMember(t.db, workspaceId, "viewer");
      const dossierId = (await t.db.dossier.findFirstOrThrow({ where: { workspaceId } })).id;
      const claimId = (await t.db.claim.findFirstOrThrow({ where: { dossierId } })).id;
      const annotate = () =>
        createAnnotation(t.db, {
          actor: viewer,
          dossierId,
          annotation: { target: { kind: "claim", claimId }, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "note" }] }] } },
        });

      await expect(setViewersMayAnnotate(t.db, { workspaceId, settings: { viewersMayAnnotate: false }, actor: owner })).resolves.toEqual({ workspaceId, viewersMayAnnotate: false });
      await expect(annotate()).rejects.toMatchObject({ code: "forbidden" });
      const logged = await t.db.activity.count({ where: { action: "workspace.settings_changed" } });
      await setViewersMayAnnotate(t.db, { workspaceId, settings: { viewersMayAnnotate: false }, actor: owner });
      expect(await t.db.activity.count({ where: { action: "workspace.settings_changed" } })).toBe(logged);

      await setViewersMayAnnotate(t.db, { workspaceId, settings: { viewersMayAnnotate: true }, actor: owner });
      await expect(annotate()).resolves.toBeDefined();
      const entry = await t.db.activity.findFirstOrThrow({ where: { action: "workspace.settings_changed" }, orderBy: { at: "desc" } });
      expect(entry).toMatchObject({ entityId: workspaceId, before: { viewersMayAnnotate: false }, after: { viewersMayAnnotate: true } });
    });

    it("is for owners only, and refuses a value that is not true or false", async () => {
      const editor = await createMember(t.db, workspaceId, "editor");
      await expect(setViewersMayAnnotate(t.db, { workspaceId, settings: { viewersMayAnnotate: false }, actor: editor })).rejects.toMatchObject({ code: "forbidden" });
      await expect(setViewersMayAnnotate(t.db, { workspaceId, settings: { viewersMayAnnotate: false }, actor: await outsider() })).rejects.toMatchObject({ code: "not_found" });
      await expect(setViewersMayAnnotate(t.db, { workspaceId, settings: { viewersMayAnnotate: "no" } as never, actor: owner })).rejects.toMatchObject({ code: "invalid_input" });
      expect((await t.db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).viewersMayAnnotate).toBe(true);
    });
  });
});
