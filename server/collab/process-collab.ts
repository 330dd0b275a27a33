// The process's collaboration server, shared through globalThis by the server entry and the bundles Next.js builds.
import type { Server } from "@hocuspocus/server";
import type { SavedBriefingEdit } from "../documents/save-briefing-edit.ts";
import type { Actor } from "../policies/actor.ts";

/** What route handlers may ask of the collaboration server (they never load Yjs themselves). */
export interface ProcessCollab {
  server: Server;
  /** Saves a briefing's draft as its next version (see `commitBriefingDraft`). */
  commit(input: { documentId: string; actor: Actor }): Promise<SavedBriefingEdit>;
}

const KEY = Symbol.for("attest.collab");
const holder = globalThis as { [KEY]?: ProcessCollab };

/** Makes `collab` the process's collaboration server (or forgets it). */
export function setProcessCollab(collab: ProcessCollab | undefined): void {
  holder[KEY] = collab;
}

/** The process's collaboration server, if one runs. */
export function processCollab(): ProcessCollab | undefined {
  return holder[KEY];
}
