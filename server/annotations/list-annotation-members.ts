// Lists who a dossier's annotations may mention, and whether the asking member may annotate.
import type { Db } from "../db.ts";
import type { Role } from "../generated/prisma/client.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { can } from "../policies/permissions.ts";
import { annotationIdSchema } from "./annotation-schemas.ts";

/** The members of the dossier's workspace (for @mentions) and the actor's own standing. */
export interface AnnotationMembers {
  members: { id: string; name: string }[];
  me: { id: string; role: Role; mayAnnotate: boolean };
}

/**
 * Every member of the workspace holding the dossier, by name; only members may ask. `mayAnnotate`
 * follows the role table and the workspace's `viewersMayAnnotate` setting.
 */
export async function listAnnotationMembers(db: Db, input: { dossierId: string; actor: Actor }): Promise<AnnotationMembers> {
  const dossierId = parseInput(annotationIdSchema, input.dossierId);
  const grant = await authorizeDossier(db, input.actor, dossierId, "dossier.read");
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: grant.workspaceId },
    select: { viewersMayAnnotate: true, memberships: { where: { user: { apiToken: null } }, select: { user: { select: { id: true, name: true } } } } },
  });
  const members = workspace.memberships.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name));
  return { members, me: { id: grant.userId, role: grant.role, mayAnnotate: can(grant.role, "annotation.write", workspace) } };
}
