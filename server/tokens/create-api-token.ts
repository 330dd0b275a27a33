// Makes a personal access token for one workspace and one role, no more than the maker's own role.
import type { z } from "zod";
import { recordActivity } from "../activity/record-activity.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import type { Role } from "../generated/prisma/client.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeWorkspace } from "../policies/authorize.ts";
import { newApiTokenSchema } from "./api-token-schemas.ts";
import { hashApiToken, newApiToken } from "./hash-api-token.ts";

/** Roles from least to most allowed. */
export const ROLE_ORDER: readonly Role[] = ["viewer", "reviewer", "editor", "owner"];

/** A token just made: the only time its secret is known. */
export interface CreatedApiToken {
  id: string;
  name: string;
  token: string;
  role: Role;
  workspaceId: string;
  expiresAt: string | null;
}

/**
 * Creates the token and the user it acts as (a member of the workspace with `role`), in one
 * transaction. The maker must be a member whose role is at least `role` (else `forbidden`).
 */
export async function createApiToken(db: Db, input: { actor: Actor; token: z.input<typeof newApiTokenSchema>; now?: Date }): Promise<CreatedApiToken> {
  const { name, workspaceId, role, expiresInDays } = parseInput(newApiTokenSchema, input.token);
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const grant = await authorizeWorkspace(tx, input.actor, workspaceId, "dossier.read");
    if (await tx.apiToken.findUnique({ where: { userId: grant.userId }, select: { id: true } })) {
      throw new AppError("forbidden", "A token cannot make other tokens.");
    }
    if (ROLE_ORDER.indexOf(role) > ROLE_ORDER.indexOf(grant.role)) {
      throw new AppError("forbidden", `A token can do at most what you can: your role is ${grant.role}.`);
    }
    const token = newApiToken();
    const maker = await tx.user.findUniqueOrThrow({ where: { id: grant.userId }, select: { name: true } });
    const user = await tx.user.create({
      data: { email: `token-${hashApiToken(token).slice(0, 24)}@tokens.attest.invalid`, name: `${name} (token of ${maker.name})` },
    });
    await tx.membership.create({ data: { workspaceId, userId: user.id, role } });
    const expiresAt = expiresInDays ? new Date(now.getTime() + expiresInDays * 86_400_000) : null;
    const row = await tx.apiToken.create({
      data: { name, workspaceId, role, tokenHash: hashApiToken(token), prefix: token.slice(0, 10), userId: user.id, createdById: grant.userId, expiresAt },
    });
    await recordActivity(tx, {
      workspaceId,
      actorId: grant.userId,
      action: "token.created",
      entityType: "apiToken",
      entityId: row.id,
      after: { name, role, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: row.id, name, token, role, workspaceId, expiresAt: expiresAt?.toISOString() ?? null };
  });
}
