// Who sent a request: the signed-in user of its session cookie, or anonymous.
import { ANONYMOUS, type Actor } from "../policies/actor.ts";
import { getAuth } from "./get-auth.ts";

/** The actor of a request, from its headers (the session cookie). */
export async function getActor(headers: Headers): Promise<Actor> {
  const session = await (await getAuth()).api.getSession({ headers });
  if (!session) return ANONYMOUS;
  return { kind: "user", userId: session.user.id, name: session.user.name, email: session.user.email };
}
