// POST `{ published }`: publish the dossier read-only by link (owners), or withdraw the link.
import { getDb } from "@/server/db.ts";
import { setPublished } from "@/server/dossiers/set-published.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ dossierId: string }>(async (request, { dossierId }, actor) =>
  setPublished(await getDb(), { dossierId, change: (await readJson(request)) as never, actor }),
);
