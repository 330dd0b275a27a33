// What each workspace role may do: the one table every authorisation decision reads.
import type { Role } from "../generated/prisma/client.ts";

/** Everything a use case can ask permission for. */
export type Action =
  | "dossier.read"
  | "dossier.create"
  | "dossier.publish"
  | "dossier.delete"
  | "dossier.settings"
  | "document.write"
  | "link.write"
  | "claim.review"
  | "claim.assign"
  | "review.adjudicate"
  | "annotation.write"
  | "workspace.read"
  | "workspace.leave"
  | "workspace.invite"
  | "workspace.members"
  | "workspace.settings"
  | "workspace.delete";

/** Every action, for tests and documentation. */
export const ACTIONS: readonly Action[] = [
  "dossier.read",
  "dossier.create",
  "dossier.publish",
  "dossier.delete",
  "dossier.settings",
  "document.write",
  "link.write",
  "claim.review",
  "claim.assign",
  "review.adjudicate",
  "annotation.write",
  "workspace.read",
  "workspace.leave",
  "workspace.invite",
  "workspace.members",
  "workspace.settings",
  "workspace.delete",
];

/** Every member sees the workspace and its members, and may leave it. */
const MEMBER: readonly Action[] = ["dossier.read", "workspace.read", "workspace.leave"];
const REVIEWER: readonly Action[] = [...MEMBER, "link.write", "claim.review", "annotation.write"];
const EDITOR: readonly Action[] = [...REVIEWER, "dossier.create", "document.write", "claim.assign"];
const OWNER: readonly Action[] = ACTIONS;

/**
 * Roles are cumulative: a viewer reads (and annotates when the workspace allows it), sees the
 * workspace's members and may leave it; a reviewer also judges links, claims and annotates; an
 * editor also writes dossiers, documents and assignments; an owner may do everything: invite,
 * manage members and change settings included.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  viewer: MEMBER,
  reviewer: REVIEWER,
  editor: EDITOR,
  owner: OWNER,
};

/** Whether `role` may do `action` in a workspace with these settings. */
export function can(role: Role, action: Action, workspace: { viewersMayAnnotate: boolean }): boolean {
  if (role === "viewer" && action === "annotation.write") return workspace.viewersMayAnnotate;
  return ROLE_PERMISSIONS[role].includes(action);
}
