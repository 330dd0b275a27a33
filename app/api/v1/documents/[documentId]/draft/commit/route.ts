// POST: save the briefing's shared draft (co-edited live) as its next version.
import { processCollab } from "@/server/collab/process-collab.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { handleRoute } from "@/server/http/handle-route.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ documentId: string }>(async (_request, { documentId }, actor) => {
  const collab = processCollab();
  if (!collab) throw new AppError("unavailable", "Co-editing is not running in this process: start the app with `npm start`.");
  return collab.commit({ documentId, actor });
});
