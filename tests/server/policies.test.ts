// The role × action matrix: the table itself, and every use case refusing what the table refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/server/annotations/create-annotation.ts";
import { addSource } from "@/server/documents/add-source.ts";
import { createDossier } from "@/server/dossiers/create-dossier.ts";
import { getDossierOrThrow } from "@/server/dossiers/get-dossier-or-throw.ts";
import { decideLink } from "@/server/links/decide-link.ts";
import { ANONYMOUS, type Actor } from "@/server/policies/actor.ts";
import { ACTIONS, can, ROLE_PERMISSIONS, type Action } from "@/server/policies/permissions.ts";
import type { Role } from "@/server/generated/prisma/client.ts";
import { changeMemberRole } from "@/server/workspaces/change-member-role.ts";
import { createInvitation } from "@/server/workspaces/create-invitation.ts";
import { leaveWorkspace } from "@/server/workspaces/leave-workspace.ts";
import { listMembers } from "@/server/workspaces/list-members.ts";
import { setViewersMayAnnotate } from "@/server/workspaces/set-viewers-may-annotate.ts";
import { createMember, exampleWorkspaceId } from "./test-actors.ts";
import { createTestDatabase, type TestDatabase } from "./test-database.ts";

const ROLES: Role[] = ["viewer", "reviewer", "editor", "owner"];
const allowed: Record<Role, Action[]> = {
  viewer: ["dossier.read", "annotation.write", "workspace.read", "workspace.leave"],
  reviewer: ["dossier.read", "link.write", "claim.review", "annotation.write", "workspace.read", "workspace.leave"],
  editor: ["dossier.read", "link.write", "claim.review", "annotation.write", "dossier.create", "document.write", "claim.assign", "workspace.read", "workspace.leave"],
  owner: [...ACTIONS],
};

describe("can", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const expected = allowed[role].includes(action);
      it(`${expected ? "lets" : "stops"} ${role} ${expected ? "do" : "from"} ${action}`, () => {
        expect(can(role, action, { viewersMayAnnotate: true })).toBe(expected);
      });
    }
  }
  it("stops viewers annotating when the workspace says so", () => {
    expect(can("viewer", "annotation.write", { viewersMayAnnotate: false })).toBe(false);
    expect(ROLE_PERMISSIONS.viewer).not.toContain("annotation.write");
  });
});

describe("use cases enforce the matrix", () => {
  let t: TestDatabase;
  let workspaceId: string;
  let dossierId: string;
  const members = {} as Record<Role, Actor>;
  let target: Actor & { kind: "user" };

  beforeAll(async () => {
    t = await createTestDatabase({ seed: true });
    workspaceId = await exampleWorkspaceId(t.db);
    dossierId = (await t.db.dossier.findFirstOrThrow()).id;
    for (const role of ROLES) members[role] = await createMember(t.db, workspaceId, role);
    // A second owner, so the first may leave; a member whose role the owners change.
    await createMember(t.db, workspaceId, "owner");
    target = await createMember(t.db, workspaceId, "reviewer");
  });
  afterAll(async () => t?.drop());

  const claimId = () => t.db.claim.findFirstOrThrow({ where: { dossierId } }).then((c) => c.id);
  const attempts: { action: Action; run: (actor: Actor) => Promise<unknown> }[] = [
    { action: "dossier.read", run: (actor) => getDossierOrThrow(t.db, dossierId, actor) },
    { action: "document.write", run: (actor) => addSource(t.db, { actor, dossierId, document: { from: "text", text: "A short source." } }) },
    {
      action: "dossier.create",
      run: (actor) => createDossier(t.db, { actor, dossier: { workspaceId }, briefing: { from: "text", text: "One claim." } }),
    },
    {
      action: "annotation.write",
      run: async (actor) =>
        createAnnotation(t.db, {
          actor,
          dossierId,
          annotation: { target: { kind: "claim", claimId: await claimId() }, body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "note" }] }] } },
        }),
    },
    {
      action: "link.write",
      run: async (actor) => {
        const link = await t.db.link.create({
          data: { claimId: await claimId(), versionId: (await t.db.documentVersion.findFirstOrThrow({ where: { document: { kind: "source" } } })).id, exact: "x", prefix: "", suffix: "", start: 0, end: 1, origin: "suggested", state: "suggested" },
        });
        return decideLink(t.db, { actor, linkId: link.id, decision: { state: "accepted", revision: link.revision } });
      },
    },
    { action: "workspace.read", run: (actor) => listMembers(t.db, { workspaceId, actor }) },
    { action: "workspace.invite", run: (actor) => createInvitation(t.db, { workspaceId, invitation: { role: "viewer", expiresInDays: 1 }, actor }) },
    { action: "workspace.members", run: (actor) => changeMemberRole(t.db, { workspaceId, userId: target.userId, change: { role: "viewer" }, actor }) },
    { action: "workspace.settings", run: (actor) => setViewersMayAnnotate(t.db, { workspaceId, settings: { viewersMayAnnotate: true }, actor }) },
    {
      action: "workspace.leave",
      run: async (actor) => {
        const userId = actor.kind === "user" ? actor.userId : "";
        const membership = await t.db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
        const left = await leaveWorkspace(t.db, { workspaceId, actor });
        // Join again, so the later cases still act as this member.
        if (membership) await t.db.membership.create({ data: { workspaceId, userId, role: membership.role } });
        return left;
      },
    },
  ];

  for (const role of ROLES) {
    for (const { action, run } of attempts) {
      const expected = allowed[role].includes(action);
      it(`${expected ? "lets" : "refuses"} a ${role} ${action}`, async () => {
        const before = await t.db.activity.count();
        if (expected) {
          await expect(run(members[role])).resolves.toBeDefined();
        } else {
          await expect(run(members[role])).rejects.toMatchObject({ code: "forbidden" });
          expect(await t.db.activity.count()).toBe(before);
        }
      });
    }
  }

  for (const { action, run } of attempts) {
    it(`answers unauthenticated to someone signed out for ${action}`, async () => {
      await expect(run(ANONYMOUS)).rejects.toMatchObject({ code: "unauthenticated" });
    });
    it(`answers not_found to a member of another workspace for ${action}`, async () => {
      const elsewhere = (await t.db.workspace.create({ data: { name: "Elsewhere", slug: `elsewhere-${action}` } })).id;
      await expect(run(await createMember(t.db, elsewhere, "owner"))).rejects.toMatchObject({ code: "not_found" });
    });
  }
});
