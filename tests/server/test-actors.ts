// People for database tests: users with a role in a workspace, as the actors use cases receive.
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db.ts";
import type { Role } from "@/server/generated/prisma/client.ts";
import type { Actor } from "@/server/policies/actor.ts";

/** Creates a user who is a member of the workspace with `role`; returns them as an actor. */
export async function createMember(db: Db, workspaceId: string, role: Role, name = `${role} ${randomUUID().slice(0, 6)}`): Promise<Actor & { kind: "user" }> {
  const email = `${randomUUID()}@example.test`;
  const user = await db.user.create({ data: { email, name } });
  await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  return { kind: "user", userId: user.id, name, email };
}

/** The example workspace's id (seeded databases only). */
export async function exampleWorkspaceId(db: Db): Promise<string> {
  return (await db.workspace.findUniqueOrThrow({ where: { slug: "example" } })).id;
}
