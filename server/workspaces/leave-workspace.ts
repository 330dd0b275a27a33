// A member leaves a workspace.
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { ensureOwnerRemains } from "./ensure-owner-remains.ts";
import { lockWorkspace } from "./lock-workspace.ts";
import { unassignMemberClaims } from "./unassign-member-claims.ts";

/**
 * Any member may leave; the claims assigned to them are unassigned. The workspace's only owner
 * may not (it would be left without anyone to manage it).
 */
export async function leaveWorkspace(db: Db, input: { workspaceId: string; actor: Actor }): Promise<{ workspaceId: string; unassignedClaims: number }> {
  return db.$transaction(async (tx) => {
    const grant = await authorizeWorkspace(tx, input.actor, input.workspaceId, "workspace.leave");
    await lockWorkspace(tx, grant.workspaceId);
    const where = { workspaceId_userId: { workspaceId: grant.workspaceId, userId: grant.userId } };
    const member = await tx.membership.findUniqueOrThrow({ where, select: { id: true, role: true } });
    if (member.role === "owner") {
      await ensureOwnerRemains(tx, grant.workspaceId, grant.userId, "You are the only owner of this workspace: make another member owner before you leave.");
    }
    await tx.membership.delete({ where });
    const unassignedClaims = await unassignMemberClaims(tx, grant.workspaceId, grant.userId);
    await recordActivity(tx, {
      workspaceId: grant.workspaceId,
      actorId: grant.userId,
      action: "member.left",
      entityType: "membership",
      entityId: member.id,
      before: { userId: grant.userId, role: member.role },
      after: { unassignedClaims },
    });
    return { workspaceId: grant.workspaceId, unassignedClaims };
  });
}
