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
  if (!can(membership.role, action, membership.workspace)) {
    throw new AppError("forbidden", `Your role (${membership.role}) does not allow this.`);
  }
  return { workspaceId, role: membership.role, userId: actor.userId };
}

/** As `authorizeWorkspace`, for the workspace holding the dossier; an unknown dossier is `not_found`. */
export async function authorizeDossier(tx: Tx, actor: Actor, dossierId: string, action: Action): Promise<Grant> {
  const dossier = await tx.dossier.findUnique({ where: { id: dossierId }, select: { workspaceId: true } });
  if (!dossier) throw new AppError("not_found", "No such dossier.");
  try {
    return await authorizeWorkspace(tx, actor, dossier.workspaceId, action);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") throw new AppError("not_found", "No such dossier.");
    throw error;
  }
}

/** The actor for a user id the caller has already authenticated. */
export function userActor(userId: string): Actor {
  return { kind: "user", userId, name: "", email: "" };
}
