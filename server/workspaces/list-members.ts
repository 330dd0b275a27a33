// Lists the members of a workspace, for any of its members.
import type { Db } from "../db.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { presentMember, memberSelect, type MemberView } from "./present-member.ts";
import { roleRank } from "./role-rank.ts";

/** The workspace's members: owners first, then by name. */
export async function listMembers(db: Db, input: { workspaceId: string; actor: Actor }): Promise<MemberView[]> {
  return db.$transaction(async (tx) => {
    await authorizeWorkspace(tx, input.actor, input.workspaceId, "workspace.read");
    const rows = await tx.membership.findMany({ where: { workspaceId: input.workspaceId, user: { apiToken: null } }, select: memberSelect });
    return rows
      .map(presentMember)
      .sort((a, b) => roleRank(b.role) - roleRank(a.role) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  });
}
