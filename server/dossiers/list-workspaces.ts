// Lists the workspaces where the actor may act, e.g. create a dossier.
import type { Db } from "../db.ts";
import type { Role } from "../generated/prisma/client.ts";
import type { Actor } from "../policies/actor.ts";
import { can, type Action } from "../policies/permissions.ts";

/** A workspace as a picker shows it. */
export interface WorkspaceOption {
  id: string;
  name: string;
  /** The actor's role there. */
  role: Role;
}

/** The workspaces where the actor may do `action`, oldest first. */
export async function listWorkspaces(db: Db, actor: Actor, action: Action = "dossier.create"): Promise<WorkspaceOption[]> {
  if (actor.kind !== "user") return [];
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    orderBy: [{ workspace: { createdAt: "asc" } }, { workspaceId: "asc" }],
    select: { role: true, workspace: { select: { id: true, name: true, viewersMayAnnotate: true } } },
  });
  return memberships.filter((m) => can(m.role, action, m.workspace)).map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role }));
}
