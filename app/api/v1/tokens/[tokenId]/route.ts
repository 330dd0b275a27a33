// DELETE (revoke) a personal access token.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { revokeApiToken } from "@/server/tokens/revoke-api-token.ts";

export const dynamic = "force-dynamic";

export const DELETE = handleRoute<{ tokenId: string }>(async (_request, { tokenId }, actor) => revokeApiToken(await getDb(), { actor, tokenId }));
