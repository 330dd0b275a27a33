// Tells every app instance that someone is in a dossier (and which claim they look at), or has left it.
import type { z } from "zod";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema } from "../links/link-schemas.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { MAX_NAME_LENGTH } from "./live-message.ts";
import { notifyDossier } from "./notify-dossier.ts";
import { PRESENCE_TTL_MS } from "./presence-roster.ts";
import { presenceInputSchema } from "./presence-schema.ts";

/**
 * Broadcasts the actor's presence in the dossier to everyone who may read it. The claim must be
 * one of the dossier's. Answers how long the beat counts, so the tab beats again well before.
 */
export async function announcePresence(
  db: Db,
  input: { dossierId: string; presence: z.input<typeof presenceInputSchema>; actor: Actor },
): Promise<{ expiresInSeconds: number }> {
  const dossierId = parseInput(idSchema, input.dossierId);
  const { claimId, tab, left } = parseInput(presenceInputSchema, input.presence);
  const grant = await authorizeDossier(db, input.actor, dossierId, "dossier.read");
  if (claimId && !(await db.claim.findFirst({ where: { id: claimId, dossierId }, select: { id: true } }))) {
    throw new AppError("not_found", "No such claim in this dossier.");
  }
  await notifyDossier(db, {
    type: "presence",
    dossierId,
    userId: grant.userId,
    name: await displayName(db, input.actor, grant.userId),
    tab,
    claimId,
    left,
  });
  return { expiresInSeconds: PRESENCE_TTL_MS / 1000 };
}

async function displayName(db: Db, actor: Actor, userId: string): Promise<string> {
  let name = actor.kind === "user" ? actor.name || actor.email.split("@")[0] : "";
  if (!name) {
    const user = await db.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
    name = user?.name || user?.email.split("@")[0] || "Someone";
  }
  return name.slice(0, MAX_NAME_LENGTH);
}
