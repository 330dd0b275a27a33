// What travels on the dossier notification channel: a committed change, a presence beat, or an ended access.
import { z } from "zod";

/** The PostgreSQL notification channel every app instance listens to. */
export const LIVE_CHANNEL = "attest_dossier";

/** Longest display name carried in a presence beat (the payload stays far below PostgreSQL's 8000 bytes). */
export const MAX_NAME_LENGTH = 80;

const id = z.string().min(1).max(64);

/** A change to a dossier, sent in the transaction that made it: ids and kinds only, never content. */
export const dossierChangeSchema = z.object({
  type: z.literal("change"),
  dossierId: id,
  /** The activity log's verb: "link.accepted", "claim.review_state_set"… */
  action: z.string().min(1).max(64),
  entityType: z.string().min(1).max(32),
  entityId: id,
  actorId: id.nullable(),
});

/** Someone looking at a dossier (and perhaps one claim of it) from one browser tab, or leaving it. */
export const presenceBeatSchema = z.object({
  type: z.literal("presence"),
  dossierId: id,
  userId: id,
  name: z.string().max(MAX_NAME_LENGTH),
  /** One browser tab of the user; a person with two tabs open is shown once. */
  tab: id,
  claimId: id.nullable(),
  left: z.boolean(),
});

/** A person's access ended (removed from a workspace, signed out everywhere): close their open streams. */
export const accessEndedSchema = z.object({
  type: z.literal("access-ended"),
  userId: id,
});

export const liveMessageSchema = z.discriminatedUnion("type", [dossierChangeSchema, presenceBeatSchema, accessEndedSchema]);

export type DossierChange = z.infer<typeof dossierChangeSchema>;
export type PresenceBeat = z.infer<typeof presenceBeatSchema>;
export type AccessEnded = z.infer<typeof accessEndedSchema>;
export type LiveMessage = z.infer<typeof liveMessageSchema>;

/** The message in a notification payload, or null when it is not one of ours. */
export function parseLiveMessage(payload: string): LiveMessage | null {
  try {
    const parsed = liveMessageSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
