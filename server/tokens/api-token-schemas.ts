// The inputs of the personal access token use cases.
import { z } from "zod";

/** A new token. */
export const newApiTokenSchema = z.object({
  /** What the token is for, to recognise it later ("Newsroom CI"). */
  name: z.string().trim().min(1, "Name the token.").max(80),
  /** The workspace the token may act in. */
  workspaceId: z.uuid({ error: "Choose a workspace." }),
  /** What the token may do there: at most the creator's own role. */
  role: z.enum(["viewer", "reviewer", "editor", "owner"]),
  /** Days until it stops working (1–365); none for a token that lasts until revoked. */
  expiresInDays: z.coerce.number().int().min(1).max(365).optional(),
});

/** The token id of a revocation. */
export const apiTokenIdSchema = z.uuid({ error: "No such token." });
