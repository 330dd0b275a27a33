// Who is acting: a signed-in user, or someone without an account.

/** The person a use case acts for. */
export type Actor = { kind: "user"; userId: string; name: string; email: string } | { kind: "anonymous" };

/** Someone who is not signed in. */
export const ANONYMOUS: Actor = { kind: "anonymous" };

/** The user id of a signed-in actor, or null. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
