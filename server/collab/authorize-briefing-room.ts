// Decides who may join a briefing's room: editors and owners write, other members only watch, anyone else is refused.
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { canOnDossier } from "../policies/can-on-dossier.ts";

/** Who joined a room, and how. */
export interface RoomGrant {
  userId: string;
  name: string;
  dossierId: string;
  documentId: string;
  /** True for members whose role does not let them edit the briefing (`document.write`). */
  readOnly: boolean;
}

/**
 * The actor's grant on a briefing's room. Signed-out actors are `unauthenticated`; a briefing of a
 * workspace they are not in (or no briefing at all) is `not_found`.
 */
export async function authorizeBriefingRoom(db: Db, actor: Actor, documentId: string): Promise<RoomGrant> {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in first.");
  const document = await db.document.findUnique({ where: { id: documentId }, select: { kind: true, dossierId: true } });
  if (!document || document.kind !== "briefing") throw new AppError("not_found", "No such briefing.");
  await authorizeDossier(db, actor, document.dossierId, "dossier.read").catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "No such briefing.") : error;
  });
  const readOnly = !(await canOnDossier(db, actor, document.dossierId, "document.write"));
  return { userId: actor.userId, name: actor.name, dossierId: document.dossierId, documentId, readOnly };
}
