// Full-text search across the sources, briefings, claims and notes of the workspaces a user reads.
import { Prisma } from "../generated/prisma/client.ts";
import { MATCH_END, MATCH_START, splitHeadline, type SnippetRun } from "@/core/search/split-headline.ts";
import type { Db } from "../db.ts";
import { AppError } from "../errors/app-error.ts";
import { parseInput } from "../http/parse-input.ts";
import type { Actor } from "../policies/actor.ts";
import { can } from "../policies/permissions.ts";
import { searchSchema, type SearchInput } from "./search-schema.ts";

/** One place that matches, and where the reader opens it. */
export interface SearchHit {
  kind: "source" | "briefing" | "claim" | "annotation";
  dossierId: string;
  dossierTitle: string;
  /** The document the match is in (for claims, their briefing; for notes on a span, that document). */
  documentTitle: string | null;
  /** The matching passage with its matching words marked. */
  snippet: SnippetRun[];
  /** The reader's address at that place. */
  href: string;
  rank: number;
}

/** What a search found. */
export interface SearchResults {
  query: string;
  hits: SearchHit[];
  /** True when the query had no searchable words (only stop words or punctuation). */
  emptyQuery: boolean;
}

type Row = {
  kind: SearchHit["kind"];
  dossierId: string;
  dossierTitle: string;
  documentId: string | null;
  documentTitle: string | null;
  claimId: string | null;
  annotationId: string | null;
  start: number | null;
  rank: number;
  headline: string;
};

const HEADLINE = `StartSel="${MATCH_START}", StopSel="${MATCH_END}", MinWords=12, MaxWords=36, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Searches, with PostgreSQL's English full-text search (stems, stop words, `websearch` syntax),
 * the newest text of every source and briefing, the live claims and the notes that are not
 * deleted, in the workspaces where `actor` may read dossiers. Best matches first.
 */
export async function searchWorkspaces(db: Db, input: { actor: Actor; search: SearchInput }): Promise<SearchResults> {
  if (input.actor.kind !== "user") throw new AppError("unauthenticated", "Sign in to search.");
  const { q, limit } = parseInput(searchSchema, input.search);
  const memberships = await db.membership.findMany({
    where: { userId: input.actor.userId },
    select: { role: true, workspace: { select: { id: true, viewersMayAnnotate: true } } },
  });
  const workspaceIds = memberships.filter((m) => can(m.role, "dossier.read", m.workspace)).map((m) => m.workspace.id);
  const [{ empty }] = await db.$queryRaw<{ empty: boolean }[]>`SELECT numnode(websearch_to_tsquery('english', ${q})) = 0 AS empty`;
  if (empty || workspaceIds.length === 0) return { query: q, hits: [], emptyQuery: empty };

  const rows = await db.$queryRaw<Row[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq)
    (SELECT CASE WHEN d."kind" = 'source' THEN 'source' ELSE 'briefing' END AS kind,
            dos."id" AS "dossierId", dos."title" AS "dossierTitle", d."id" AS "documentId", d."title" AS "documentTitle",
            NULL::text AS "claimId", NULL::text AS "annotationId", p."start" AS start,
            ts_rank(p."search", query.tsq)::float8 AS rank,
            ts_headline('english', p."text", query.tsq, ${HEADLINE}) AS headline
       FROM query, "Passage" p
       JOIN "DocumentVersion" v ON v."id" = p."versionId"
       JOIN "Document" d ON d."id" = v."documentId"
       JOIN "Dossier" dos ON dos."id" = d."dossierId"
      WHERE p."search" @@ query.tsq AND dos."workspaceId" IN (${Prisma.join(workspaceIds)})
      ORDER BY rank DESC LIMIT ${limit})
    UNION ALL
    (SELECT 'claim', dos."id", dos."title", d."id", d."title", c."id", NULL, c."start",
            ts_rank(c."search", query.tsq)::float8,
            ts_headline('english', c."text", query.tsq, ${HEADLINE})
       FROM query, "Claim" c
       JOIN "Document" d ON d."id" = c."documentId"
       JOIN "Dossier" dos ON dos."id" = c."dossierId"
      WHERE c."search" @@ query.tsq AND c."retiredAt" IS NULL AND dos."workspaceId" IN (${Prisma.join(workspaceIds)})
      ORDER BY 9 DESC LIMIT ${limit})
    UNION ALL
    (SELECT 'annotation', dos."id", dos."title", v."documentId", d."title", COALESCE(a."claimId", l."claimId"), a."id", a."start",
            ts_rank(a."search", query.tsq)::float8,
            ts_headline('english', a."bodyText", query.tsq, ${HEADLINE})
       FROM query, "Annotation" a
       JOIN "Dossier" dos ON dos."id" = a."dossierId"
       LEFT JOIN "DocumentVersion" v ON v."id" = a."versionId"
       LEFT JOIN "Document" d ON d."id" = v."documentId"
       LEFT JOIN "Link" l ON l."id" = a."linkId"
      WHERE a."search" @@ query.tsq AND NOT a."deleted" AND dos."workspaceId" IN (${Prisma.join(workspaceIds)})
      ORDER BY 9 DESC LIMIT ${limit})`;

  const hits = rows
    .sort((a, b) => b.rank - a.rank || a.dossierTitle.localeCompare(b.dossierTitle))
    .slice(0, limit)
    .map((row) => ({
      kind: row.kind,
      dossierId: row.dossierId,
      dossierTitle: row.dossierTitle,
      documentTitle: row.documentTitle,
      snippet: splitHeadline(row.headline),
      href: readerHref(row),
      rank: row.rank,
    }));
  return { query: q, hits, emptyQuery: false };
}

/** The reader at the match: a claim is focused; a passage opens its document at its offset. */
function readerHref(row: Row): string {
  const base = `/dossiers/${row.dossierId}`;
  const params = new URLSearchParams();
  if (row.claimId) params.set("claim", row.claimId);
  else if (row.documentId && row.start !== null) {
    params.set("document", row.documentId);
    params.set("at", String(row.start));
  }
  if (row.annotationId) params.set("note", row.annotationId);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
