// GET: pending invitations. POST `{ role, expiresInDays }`: a new invitation link, shown once. Owners only.
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { createInvitation } from "@/server/workspaces/create-invitation.ts";
import { listInvitations } from "@/server/workspaces/list-invitations.ts";

export const dynamic = "force-dynamic";

export const GET = handleRoute<{ workspaceId: string }>(async (_request, { workspaceId }, actor) => ({
  invitations: await listInvitations(await getDb(), { workspaceId, actor }),
}));

export const POST = handleRoute<{ workspaceId: string }>(
  async (request, { workspaceId }, actor) => createInvitation(await getDb(), { workspaceId, invitation: (await readJson(request)) as never, actor }),
  { status: 201 },
);
