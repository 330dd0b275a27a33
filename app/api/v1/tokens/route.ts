// GET the caller's personal access tokens; POST a new one (its secret is in this response only).
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { createApiToken } from "@/server/tokens/create-api-token.ts";
import { listApiTokens } from "@/server/tokens/list-api-tokens.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<Record<string, never>>(async (_request, _params, actor) => listApiTokens(await getDb(), actor));

export const POST = handleRoute<Record<string, never>>(
  async (request, _params, actor) => createApiToken(await getDb(), { actor, token: (await readJson(request)) as never }),
  { status: 201 },
);
