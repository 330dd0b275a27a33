// Accepts a link with a verdict, rejects it, or returns it to the suggestions.
import type { z } from "zod";
import type { Db } from "../db.ts";
import type { LinkView } from "../dossiers/get-dossier-or-throw.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import { decideLinkSchema, idSchema } from "./link-schemas.ts";
import { loadLinkView } from "./present-link.ts";
import type { Actor } from "../policies/actor.ts";
import { can, ROLE_PERMISSIONS } from "../policies/permissions.ts";
import { Prisma, type Role } from "../generated/prisma/client.ts";
import { logChangeSql } from "../activity/log-change-sql.ts";

/** The roles that may decide on links (the permission does not depend on the workspace's settings). */
const DECIDING_ROLES = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => can(role, "link.write", { viewersMayAnnotate: false }));

/** What the one statement reads of the link and its place, and the link as it is after the change (null when nothing changed). */
interface DecisionRow {
  role: Role | null;
  claimId: string;
  documentId: string;
  latest: boolean;
  changed: Omit<LinkView, "documentId" | "onLatestVersion"> | null;
}

/**
 * Records a reviewer's decision on a link, if the link is still at the revision the reviewer saw
 * (else `conflict`, with the current link in the details).
 *
 * A verdict is the most frequent write, so it is one statement (atomic on its own, one round trip
 * to the database): it reads the link, where it sits and the actor's role in its workspace,
 * changes the link when the role allows it and the revision still holds, logs the activity and
 * notifies the dossier's readers — the last two only when the link changed. The reasons for
 * changing nothing (no such link, not a member, a role that may not, another revision) are told
 * apart from what it read.
 */
export async function decideLink(
  db: Db,
  input: { linkId: string; decision: z.input<typeof decideLinkSchema>; actor: Actor },
): Promise<LinkView> {
  const linkId = parseInput(idSchema, input.linkId);
  const { state, verdict, revision } = parseInput(decideLinkSchema, input.decision);
  if (input.actor.kind !== "user") throw new AppError("unauthenticated", "Sign in first.");
  const userId = input.actor.userId;
  const nextVerdict = state === "accepted" ? (verdict ?? "supports") : null;
  const action = `link.${state === "accepted" ? "accepted" : state === "rejected" ? "rejected" : "reopened"}`;
  const rows = await db.$queryRaw<DecisionRow[]>`
    WITH target AS (
      SELECT l."id", l."state"::text AS "state", l."verdict"::text AS "verdict", l."claimId", c."dossierId", d."workspaceId",
        m."role", v."documentId",
        NOT EXISTS (SELECT 1 FROM "DocumentVersion" n WHERE n."documentId" = v."documentId" AND n."number" > v."number") AS "latest"
      FROM "Link" l
      JOIN "Claim" c ON c."id" = l."claimId"
      JOIN "Dossier" d ON d."id" = c."dossierId"
      JOIN "DocumentVersion" v ON v."id" = l."versionId"
      LEFT JOIN "Membership" m ON m."workspaceId" = d."workspaceId" AND m."userId" = ${userId}
      WHERE l."id" = ${linkId}
    ), changed AS (
      UPDATE "Link" l
      SET "state" = ${state}::"LinkState", "verdict" = ${nextVerdict}::"Verdict", "revision" = l."revision" + 1, "updatedAt" = now()
      FROM target t
      WHERE l."id" = t."id" AND l."revision" = ${revision} AND t."role"::text = ANY(${DECIDING_ROLES})
      RETURNING l."id", l."versionId", l."start", l."end", l."exact", l."origin"::text AS "origin", l."state"::text AS "state",
        l."verdict"::text AS "verdict", l."score", l."rank", l."anchorStatus"::text AS "anchorStatus", l."previousExact",
        l."checks", l."revision"
    ), ${logChangeSql({
      from: Prisma.sql`target t, changed`,
      workspaceId: Prisma.sql`t."workspaceId"`,
      dossierId: Prisma.sql`t."dossierId"`,
      entityId: Prisma.sql`t."id"`,
      before: Prisma.sql`jsonb_build_object('state', t."state", 'verdict', t."verdict")`,
      actorId: userId,
      action,
      entityType: "link",
      after: { state, verdict: nextVerdict },
    })}
    SELECT t."role"::text AS "role", t."claimId", t."documentId", t."latest",
      (SELECT to_jsonb(changed) FROM changed) AS "changed",
      (SELECT count(*) FROM notified) AS "notified"
    FROM target t`;
  const row = rows[0];
  if (!row) throw new AppError("not_found", "No such link.");
  if (!row.role) throw new AppError("not_found", "No such dossier.");
  if (!DECIDING_ROLES.includes(row.role)) throw new AppError("forbidden", `Your role (${row.role}) does not allow this.`);
  if (!row.changed) {
    throw new AppError("conflict", "Someone changed this link meanwhile; it has been reloaded.", { link: await loadLinkView(db, linkId) });
  }
  return { ...row.changed, claimId: row.claimId, documentId: row.documentId, onLatestVersion: row.latest };
}
