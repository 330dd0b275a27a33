// The actor of the request being rendered (pages and server actions).
import { headers } from "next/headers";
import { cache } from "react";
import type { Actor } from "../policies/actor.ts";
import { getActor } from "./get-actor.ts";

/**
 * Who is viewing the page or calling the action. Resolved once per render, however many parts of
 * the page ask (the title, the page, its controls); outside a render, once per call.
 */
export const getRequestActor = cache(async function getRequestActor(): Promise<Actor> {
  return getActor(await headers());
});
