// Checks, inside a use case, that the actor may do an action on a dossier or in a workspace.
import type { Tx } from "../db.ts";
import type { Role } from "../generated/prisma/client.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "./actor.ts";
import { can, type Action } from "./permissions.ts";

/** What an authorised call learns: the workspace and the actor's role in it. */
export interface Grant {
  workspaceId: string;
  role: Role;
  userId: string;
}

/**
 * The actor's grant for `action` in the workspace. Anonymous actors are `unauthenticated`; a
 * workspace the actor is not a member of is `not_found` (its existence is not revealed); a role
 * that does not allow the action is `forbidden`.
 */
export async function authorizeWorkspace(tx: Tx, actor: Actor, workspaceId: string, action: Action): Promise<Grant> {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in first.");
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: actor.userId } },
    select: { role: true, workspace: { select: { viewersMayAnnotate: true } } },
  });
  if (!membership) throw new AppError("not_found", "No such workspace.");
  return grantFor(actor.userId, workspaceId, { role: membership.role, viewersMayAnnotate: membership.workspace.viewersMayAnnotate }, action);
}

/** As `authorizeWorkspace`, for the workspace holding the dossier; an unknown dossier is `not_found`. */
export async function authorizeDossier(tx: Tx, actor: Actor, dossierId: string, action: Action): Promise<Grant> {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in first.");
  // One round trip (every request on a dossier makes it): the dossier's workspace and the actor's
  // membership there; no row when the dossier is unknown or the actor not a member.
  const rows = await tx.$queryRaw<{ workspaceId: string; role: Role; viewersMayAnnotate: boolean }[]>`
    SELECT d."workspaceId", m."role", w."viewersMayAnnotate"
    FROM "Dossier" d
    JOIN "Membership" m ON m."workspaceId" = d."workspaceId" AND m."userId" = ${actor.userId}
    JOIN "Workspace" w ON w."id" = d."workspaceId"
    WHERE d."id" = ${dossierId}`;
  const membership = rows[0];
  if (!membership) throw new AppError("not_found", "No such dossier.");
  return grantFor(actor.userId, membership.workspaceId, membership, action);
}

/** The grant when `membership`'s role allows `action`, else `forbidden`. */
function grantFor(userId: string, workspaceId: string, membership: { role: Role; viewersMayAnnotate: boolean }, action: Action): Grant {
  if (!can(membership.role, action, membership)) {
    throw new AppError("forbidden", `Your role (${membership.role}) does not allow this.`);
  }
  return { workspaceId, role: membership.role, userId };
}

/** The actor for a user id the caller has already authenticated. */
export function userActor(userId: string): Actor {
  return { kind: "user", userId, name: "", email: "" };
}
