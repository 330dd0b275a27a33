// Changes a member's role in a workspace.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { ensureOwnerRemains } from "./ensure-owner-remains.ts";
import { lockWorkspace } from "./lock-workspace.ts";
import { presentMember, memberSelect, type MemberView } from "./present-member.ts";
import { changeRoleSchema, idSchema } from "./workspace-schemas.ts";

/**
 * Owners give a member another role (owner included). The workspace's only owner cannot be
 * demoted; giving the role a member already has changes and logs nothing.
 */
export async function changeMemberRole(
  db: Db,
  input: { workspaceId: string; userId: string; change: z.input<typeof changeRoleSchema>; actor: Actor },
): Promise<MemberView> {
  return db.$transaction(async (tx) => {
    const grant = await authorizeWorkspace(tx, input.actor, input.workspaceId, "workspace.members");
    const { role } = parseInput(changeRoleSchema, input.change);
    await lockWorkspace(tx, grant.workspaceId);
    const where = { workspaceId_userId: { workspaceId: grant.workspaceId, userId: input.userId } };
    // Access tokens' users are managed with the tokens.
    if (await tx.apiToken.findUnique({ where: { userId: input.userId }, select: { id: true } })) throw new AppError("not_found", "No such member.");
    const member = idSchema.safeParse(input.userId).success ? await tx.membership.findUnique({ where, select: { id: true, ...memberSelect } }) : null;
    if (!member) throw new AppError("not_found", "No such member.");
    if (member.role === role) return presentMember(member);
    if (member.role === "owner") {
      const who = input.userId === grant.userId ? "You are" : `${member.user.name} is`;
      await ensureOwnerRemains(tx, grant.workspaceId, input.userId, `${who} the only owner of this workspace: make another member owner first.`);
    }
    const updated = await tx.membership.update({ where, data: { role }, select: memberSelect });
    await recordActivity(tx, {
      workspaceId: grant.workspaceId,
      actorId: grant.userId,
      action: "member.role_changed",
      entityType: "membership",
      entityId: member.id,
      before: { userId: input.userId, role: member.role },
      after: { userId: input.userId, role },
    });
    return presentMember(updated);
  });
}
