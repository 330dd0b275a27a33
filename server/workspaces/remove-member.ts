// Removes a member from a workspace.
import { recordActivity } from "../activity/record-activity.ts";
import { notifyDossier } from "../live/notify-dossier.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { ensureOwnerRemains } from "./ensure-owner-remains.ts";
import { lockWorkspace } from "./lock-workspace.ts";
import { unassignMemberClaims } from "./unassign-member-claims.ts";
import { idSchema } from "./workspace-schemas.ts";

/**
 * Owners remove a member: their access ends at once and the claims assigned to them are
 * unassigned. Their sessions end (they sign in again, everywhere) and their open live streams
 * close, on every instance, when the removal commits. Their links, notes and reviews stay,
 * credited to them. The workspace's only owner cannot be removed.
 */
export async function removeMember(db: Db, input: { workspaceId: string; userId: string; actor: Actor }): Promise<{ userId: string; unassignedClaims: number; sessionsEnded: boolean }> {
  return db.$transaction(async (tx) => {
    const grant = await authorizeWorkspace(tx, input.actor, input.workspaceId, "workspace.members");
    await lockWorkspace(tx, grant.workspaceId);
    const where = { workspaceId_userId: { workspaceId: grant.workspaceId, userId: input.userId } };
    // Access tokens' users are managed with the tokens.
    if (await tx.apiToken.findUnique({ where: { userId: input.userId }, select: { id: true } })) throw new AppError("not_found", "No such member.");
    const member = idSchema.safeParse(input.userId).success
      ? await tx.membership.findUnique({ where, select: { id: true, role: true, user: { select: { name: true } } } })
      : null;
    if (!member) throw new AppError("not_found", "No such member.");
    if (member.role === "owner") {
      const who = input.userId === grant.userId ? "You are" : `${member.user.name} is`;
      await ensureOwnerRemains(tx, grant.workspaceId, input.userId, `${who} the only owner of this workspace: make another member owner first.`);
    }
    await tx.membership.delete({ where });
    // Removing oneself is leaving: that keeps one's sessions.
    const sessionsEnded = input.userId !== grant.userId;
    if (sessionsEnded) {
      await tx.session.deleteMany({ where: { userId: input.userId } });
      await notifyDossier(tx, { type: "access-ended", userId: input.userId });
    }
    const unassignedClaims = await unassignMemberClaims(tx, grant.workspaceId, input.userId);
    await recordActivity(tx, {
      workspaceId: grant.workspaceId,
      actorId: grant.userId,
      action: "member.removed",
      entityType: "membership",
      entityId: member.id,
      before: { userId: input.userId, role: member.role },
      after: { unassignedClaims },
    });
    return { userId: input.userId, unassignedClaims, sessionsEnded };
  });
}
