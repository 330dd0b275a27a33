// Reads a workspace as its settings page shows it, for one of its members.
import type { Db } from "../db.ts";
import type { Role } from "../generated/prisma/client.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { can } from "../policies/permissions.ts";

/** A workspace, the reader's role in it, and what that role lets them manage. */
export interface WorkspaceView {
  id: string;
  name: string;
  viewersMayAnnotate: boolean;
  role: Role;
  mayInvite: boolean;
  mayManageMembers: boolean;
  mayChangeSettings: boolean;
}

/** The workspace for a member; `not_found` for anyone else (its existence is not revealed). */
export async function getWorkspaceOrThrow(db: Db, input: { workspaceId: string; actor: Actor }): Promise<WorkspaceView> {
  return db.$transaction(async (tx) => {
    const grant = await authorizeWorkspace(tx, input.actor, input.workspaceId, "workspace.read");
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: input.workspaceId }, select: { id: true, name: true, viewersMayAnnotate: true } });
    return {
      ...workspace,
      role: grant.role,
      mayInvite: can(grant.role, "workspace.invite", workspace),
      mayManageMembers: can(grant.role, "workspace.members", workspace),
      mayChangeSettings: can(grant.role, "workspace.settings", workspace),
    };
  });
}
