// POST a briefing edited in place: its canonical text, blocks and the claims' spans.
import { getDb } from "@/server/db.ts";
import { saveBriefingEdit } from "@/server/documents/save-briefing-edit.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ documentId: string }>(async (request, { documentId }, actor) =>
  saveBriefingEdit(await getDb(), { documentId, edit: await readJson(request), actor }),
);
