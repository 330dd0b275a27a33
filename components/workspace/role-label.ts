// The words for each workspace role, as the settings and invitation pages say them.
import type { Role } from "@/server/generated/prisma/client.ts";

/** Roles from most to least allowed, as the pickers list them. */
export const ROLES: readonly Role[] = ["owner", "editor", "reviewer", "viewer"];

/** What each role may do, in a few words. */
export const ROLE_HINT: Record<Role, string> = {
  owner: "everything, members and settings included",
  editor: "dossiers, documents and assignments",
  reviewer: "links, verdicts, review and notes",
  viewer: "reads, and annotates if allowed",
};
