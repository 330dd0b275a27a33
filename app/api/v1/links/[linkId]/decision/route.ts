// POST a decision on a link: accept with a verdict, reject, or reopen.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { decideLink } from "@/server/links/decide-link.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ linkId: string }>(async (request, { linkId }, actor) =>
  decideLink(await getDb(), { linkId, decision: (await readJson(request)) as never, actor }),
);
