// The actor of the request being rendered (pages and server actions).
import { headers } from "next/headers";
import type { Actor } from "../policies/actor.ts";
import { getActor } from "./get-actor.ts";

/** Who is viewing the page or calling the action. */
export async function getRequestActor(): Promise<Actor> {
  return getActor(await headers());
}
