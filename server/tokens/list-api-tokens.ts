// Lists the personal access tokens a user made, newest first, without their secrets.
import type { Db } from "../db.ts";
import type { Role } from "../generated/prisma/client.ts";
import type { Actor } from "../policies/actor.ts";
import { AppError } from "../errors/app-error.ts";

/** A token as its maker sees it in a list. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  workspaceId: string;
  workspaceName: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The actor's tokens, revoked and expired ones included (they say so). */
export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenSummary[]> {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "Sign in first.");
  const rows = await db.apiToken.findMany({
    where: { createdById: actor.userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { workspace: { select: { name: true } } },
  });
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    role: t.role,
    workspaceId: t.workspaceId,
    workspaceName: t.workspace.name,
    createdAt: t.createdAt.toISOString(),
    expiresAt: iso(t.expiresAt),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  }));
}
