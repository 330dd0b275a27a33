// Who sent a request: the token of its Authorization header, the signed-in user of its session cookie, or anonymous.
import { getDb } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { ANONYMOUS, type Actor } from "../policies/actor.ts";
import { resolveApiToken } from "../tokens/resolve-api-token.ts";
import { getAuth } from "./get-auth.ts";

/**
 * The actor of a request, from its headers: `Authorization: Bearer att_…` (a personal access
 * token; an invalid one is refused, never treated as anonymous), else the session cookie.
 */
export async function getActor(headers: Headers): Promise<Actor> {
  const authorization = headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (bearer) return resolveApiToken(await getDb(), bearer[1]);
  const session = await (await getAuth()).api.getSession({ headers }).catch(unwrapStoreError);
  if (!session) return ANONYMOUS;
  return { kind: "user", userId: session.user.id, name: session.user.name, email: session.user.email };
}

/** better-auth wraps a failure of its session store in a 500 of its own; the store's 503 is the truer answer. */
function unwrapStoreError(error: unknown): never {
  const cause = (error as { cause?: unknown } | null)?.cause;
  throw cause instanceof AppError ? cause : error;
}
