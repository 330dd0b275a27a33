// PATCH a link's ends; DELETE a link.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { adjustLink } from "@/server/links/adjust-link.ts";
import { deleteLink } from "@/server/links/delete-link.ts";

export const dynamic = "force-dynamic";

export const PATCH = handleRoute<{ linkId: string }>(async (request, { linkId }, actor) =>
  adjustLink(await getDb(), { linkId, span: (await readJson(request)) as never, actor }),
);

export const DELETE = handleRoute<{ linkId: string }>(async (request, { linkId }, actor) =>
  deleteLink(await getDb(), { linkId, request: (await readJson(request)) as never, actor }),
);
