// Starts the process's collaboration server on the app's HTTP server: drafts in the process's database, Redis when REDIS_URL is set.
import type { Server as HttpServer } from "node:http";
import { trustedOrigins } from "../auth/trusted-origins.ts";
import { getDb } from "../db.ts";
import { processDossierHub } from "../live/dossier-hub.ts";
import { attachCollabServer } from "./attach-collab-server.ts";
import { commitBriefingDraft } from "./commit-briefing-draft.ts";
import { createCollabServer } from "./create-collab-server.ts";
import { setProcessCollab } from "./process-collab.ts";
import { stopCollabServer } from "./stop-collab-server.ts";

/** Attaches the collaboration server to `http`; returns how to stop it (storing every open draft). */
export function startCollab(http: HttpServer): () => Promise<void> {
  const server = createCollabServer({
    db: getDb,
    redisUrl: process.env.REDIS_URL || undefined,
    subscribe: async (dossierId, subscriber) => (await processDossierHub()).subscribe(dossierId, subscriber),
  });
  attachCollabServer(http, server, trustedOrigins);
  setProcessCollab({ server, commit: async (input) => commitBriefingDraft(await getDb(), server.hocuspocus, input) });
  return async () => {
    setProcessCollab(undefined);
    await stopCollabServer(server);
  };
}
