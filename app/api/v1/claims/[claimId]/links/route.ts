// POST a link made by hand from a claim to a source span.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { createLink } from "@/server/links/create-link.ts";

export const dynamic = "force-dynamic";

export const POST = handleRoute<{ claimId: string }>(
  async (request, { claimId }, actor) => createLink(await getDb(), { claimId, link: (await readJson(request)) as never, actor }),
  { status: 201 },
);
