// Who sent a request: the token of its Authorization header, the signed-in user of its session cookie, or anonymous.
import { getDb } from "../db.ts";
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
  const session = await (await getAuth()).api.getSession({ headers });
  if (!session) return ANONYMOUS;
  return { kind: "user", userId: session.user.id, name: session.user.name, email: session.user.email };
}
