// POST a presence beat: this tab is in the dossier (looking at a claim, or none), or has left it.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { announcePresence } from "@/server/live/announce-presence.ts";
import { processDossierHub } from "@/server/live/dossier-hub.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ dossierId: string }>(async (request, { dossierId }, actor) => {
  // This instance must hear the beats of the others too, even before anyone here opens the stream.
  await processDossierHub();
  return announcePresence(await getDb(), { dossierId, presence: (await readJson(request)) as never, actor });
});
