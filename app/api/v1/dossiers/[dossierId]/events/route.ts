// GET a dossier's live events as Server-Sent Events: committed changes and who is present.
import { getActor } from "@/server/auth/get-actor.ts";
import { getDb } from "@/server/db.ts";
import { errorResponse } from "@/server/http/handle-route.ts";
import { processDossierHub } from "@/server/live/dossier-hub.ts";
import { openDossierStream } from "@/server/live/open-dossier-stream.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ dossierId: string }> }): Promise<Response> {
  try {
    const { dossierId } = await context.params;
    const tab = new URL(request.url).searchParams.get("tab");
    const stream = await openDossierStream(await getDb(), await processDossierHub(), {
      dossierId,
      actor: await getActor(request.headers),
      tab,
      signal: request.signal,
    });
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        // no-transform keeps compression (which would buffer the stream) out of the way.
        "cache-control": "no-cache, no-transform",
        "x-accel-buffering": "no",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
