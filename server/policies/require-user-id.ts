// The user id of a signed-in actor, for the use cases that take one; anyone else is refused.
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "./actor.ts";

/** The actor's user id; `unauthenticated` for someone who is not signed in. */
export function requireUserId(actor: Actor): string {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in first.");
  return actor.userId;
}
