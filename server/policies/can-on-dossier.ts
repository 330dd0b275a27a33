// Tells a view whether to offer a control: may the actor do an action on a dossier?
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "./actor.ts";
import { authorizeDossier } from "./authorize.ts";
import type { Action } from "./permissions.ts";

/**
 * True when `authorizeDossier` would let the actor do `action`; false when the role does not,
 * the actor is signed out, or the dossier is not theirs to see. Use cases still check for themselves.
 */
export async function canOnDossier(db: Db, actor: Actor, dossierId: string, action: Action): Promise<boolean> {
  try {
    await authorizeDossier(db, actor, dossierId, action);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}
