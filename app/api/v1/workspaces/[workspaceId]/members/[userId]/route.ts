// PATCH `{ role }`: give a member another role. DELETE: remove the member, signing them out. Owners only.
import { endUserSessions } from "@/server/auth/end-user-sessions.ts";
import { getDb } from "@/server/db.ts";
import { handleRoute } from "@/server/http/handle-route.ts";
import { readJson } from "@/server/http/read-json.ts";
import { changeMemberRole } from "@/server/workspaces/change-member-role.ts";
import { removeMember } from "@/server/workspaces/remove-member.ts";

export const dynamic = "force-dynamic";

type Params = { workspaceId: string; userId: string };

export const PATCH = handleRoute<Params>(async (request, { workspaceId, userId }, actor) =>
  changeMemberRole(await getDb(), { workspaceId, userId, change: (await readJson(request)) as never, actor }),
);

export const DELETE = handleRoute<Params>(async (_request, { workspaceId, userId }, actor) => {
  const removed = await removeMember(await getDb(), { workspaceId, userId, actor });
  // The database's sessions ended with the removal; this also ends any cached copy of them.
  if (removed.sessionsEnded) await endUserSessions(removed.userId);
  return removed;
});
