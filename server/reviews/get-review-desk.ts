// Gathers what a dossier's review desk shows: its mode, the caller's role, the members who can be
// assigned claims, and every claim with its review state and assignee.
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Role } from "../generated/prisma/client.ts";
import { authorizeDossier, userActor } from "../policies/authorize.ts";
import { can } from "../policies/permissions.ts";
import { idSchema } from "./review-schemas.ts";

/** What the caller may do on the desk. */
export interface DeskPermissions {
  review: boolean;
  assign: boolean;
  adjudicate: boolean;
  settings: boolean;
  recheck: boolean;
}

/** A member of the dossier's workspace. */
export interface DeskMember {
  id: string;
  name: string;
  role: Role;
}

/** A claim as the desk lists it. */
export interface DeskClaim {
  id: string;
  text: string;
  order: number;
  section: string | null;
  reviewState: string;
  revision: number;
  assignee: { id: string; name: string } | null;
  /** How many reviews are in (two-reviewer mode); never whose or which. */
  reviews: number;
}

/** The desk of one dossier. */
export interface ReviewDesk {
  dossier: { id: string; title: string; twoReviewerMode: boolean };
  viewer: { id: string; role: Role; may: DeskPermissions };
  members: DeskMember[];
  claims: DeskClaim[];
}

/** The caller's permissions for the review actions, from their role. */
export function deskPermissions(role: Role, workspace: { viewersMayAnnotate: boolean }): DeskPermissions {
  return {
    review: can(role, "claim.review", workspace),
    assign: can(role, "claim.assign", workspace),
    adjudicate: can(role, "review.adjudicate", workspace),
    settings: can(role, "dossier.settings", workspace),
    recheck: can(role, "link.write", workspace),
  };
}

/**
 * The dossier's review desk for any member: its two-reviewer mode, the caller's role and what it
 * allows, the workspace's members by name, and the claims still in the briefing in order.
 */
export async function getReviewDesk(db: Db, input: { dossierId: string; actorId: string }): Promise<ReviewDesk> {
  const grant = await authorizeDossier(db, userActor(input.actorId), input.dossierId, "dossier.read");
  const dossierId = parseInput(idSchema, input.dossierId);
  const dossier = await db.dossier.findUnique({
    where: { id: dossierId },
    select: {
      id: true,
      title: true,
      twoReviewerMode: true,
      workspace: {
        select: {
          viewersMayAnnotate: true,
          memberships: { where: { user: { apiToken: null } }, orderBy: [{ user: { name: "asc" } }, { userId: "asc" }], select: { role: true, user: { select: { id: true, name: true } } } },
        },
      },
      claims: {
        where: { retiredAt: null },
        orderBy: { order: "asc" },
        select: {
          id: true,
          text: true,
          order: true,
          section: true,
          reviewState: true,
          revision: true,
          assignee: { select: { id: true, name: true } },
          _count: { select: { reviews: true } },
        },
      },
    },
  });
  if (!dossier) throw new AppError("not_found", "No such dossier.");
  return {
    dossier: { id: dossier.id, title: dossier.title, twoReviewerMode: dossier.twoReviewerMode },
    viewer: { id: grant.userId, role: grant.role, may: deskPermissions(grant.role, dossier.workspace) },
    members: dossier.workspace.memberships.map((m) => ({ id: m.user.id, name: m.user.name, role: m.role })),
    claims: dossier.claims.map(({ _count, ...c }) => ({ ...c, reviews: _count.reviews })),
  };
}
