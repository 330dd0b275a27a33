// The inputs of the workspace and membership use cases, validated at the boundary.
import { z } from "zod";
import { INVITATION_DAYS } from "./invitation-days.ts";

/** An id as the database makes them. */
export const idSchema = z.uuid({ error: "Not a valid id." });

/** A workspace role. */
export const roleSchema = z.enum(["viewer", "reviewer", "editor", "owner"], { error: "Choose viewer, reviewer, editor or owner." });


/** A new invitation by link. */
export const createInvitationSchema = z.object({
  /** The role the person who accepts gets. */
  role: roleSchema,
  /** How many days the link works. */
  expiresInDays: z
    .int({ error: "Give the number of days the link works, as a whole number." })
    .min(INVITATION_DAYS.min, { error: `A link works for at least ${INVITATION_DAYS.min} day.` })
    .max(INVITATION_DAYS.max, { error: `A link works for at most ${INVITATION_DAYS.max} days.` })
    .default(INVITATION_DAYS.default),
});

/** A member's new role. */
export const changeRoleSchema = z.object({ role: roleSchema });

/** The owner's settings of a workspace. */
export const workspaceSettingsSchema = z.object({
  /** Whether viewers may annotate. */
  viewersMayAnnotate: z.boolean({ error: "viewersMayAnnotate must be true or false." }),
});

/** The secret of an invitation link: 32 random bytes, base64url. */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
