// The benches' newsroom: a workspace with one editor, on a database that has no account yet.
import type { Db } from "@/server/db.ts";
import type { Actor } from "@/server/policies/actor.ts";

/** Makes the "Bench newsroom" workspace and its editor; returns the workspace's id, the editor's user id and the editor as an actor. */
export async function makeBenchEditor(db: Db): Promise<{ workspaceId: string; userId: string; actor: Actor }> {
  const workspace = await db.workspace.create({ data: { name: "Bench newsroom", slug: "bench" } });
  const user = await db.user.create({ data: { email: "bench@example.test", name: "Bench Editor" } });
  await db.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "editor" } });
  return { workspaceId: workspace.id, userId: user.id, actor: { kind: "user", userId: user.id, name: user.name, email: user.email } };
}
