// The owner's setting that lets viewers annotate, or not.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { workspaceSettingsSchema } from "./workspace-schemas.ts";

/**
 * Owners decide whether viewers may annotate; the policies read it on every call, so it holds
 * from the next request on. Setting the value it already has changes and logs nothing.
 */
export async function setViewersMayAnnotate(
  db: Db,
  input: { workspaceId: string; settings: z.input<typeof workspaceSettingsSchema>; actor: Actor },
): Promise<{ workspaceId: string; viewersMayAnnotate: boolean }> {
  return db.$transaction(async (tx) => {
    const grant = await authorizeWorkspace(tx, input.actor, input.workspaceId, "workspace.settings");
    const { viewersMayAnnotate } = parseInput(workspaceSettingsSchema, input.settings);
    const { count } = await tx.workspace.updateMany({ where: { id: grant.workspaceId, viewersMayAnnotate: !viewersMayAnnotate }, data: { viewersMayAnnotate } });
    if (count === 0) return { workspaceId: grant.workspaceId, viewersMayAnnotate };
    await recordActivity(tx, {
      workspaceId: grant.workspaceId,
      actorId: grant.userId,
      action: "workspace.settings_changed",
      entityType: "workspace",
      entityId: grant.workspaceId,
      before: { viewersMayAnnotate: !viewersMayAnnotate },
      after: { viewersMayAnnotate },
    });
    return { workspaceId: grant.workspaceId, viewersMayAnnotate };
  });
}
