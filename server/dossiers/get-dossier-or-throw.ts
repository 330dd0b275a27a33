// Loads one dossier as the reader shows it: latest document versions, live claims with their
// roll-up state, their links, and the coverage counts.
import { z } from "zod";
import { claimState, countStates, type ClaimState } from "@/core/review/claim-state.ts";
import type { Block } from "@/core/text/types.ts";
import type { Db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { EXAMPLE_DOSSIER_SLUG, EXAMPLE_WORKSPACE_SLUG } from "../examples/example-workspace-slug.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { versionContents } from "../documents/version-contents.ts";

/** A document as the reader shows it: metadata and its latest version's text and blocks. */
export interface DocumentView {
  id: string;
  kind: "source" | "briefing";
  title: string;
  author: string | null;
  originUrl: string | null;
  provenance: string | null;
  embeddedInTitle: string | null;
  versionId: string;
  versionNumber: number;
  text: string;
  blocks: Block[];
}

/** A claim of the briefing as the reader shows it. */
export interface ClaimView {
  id: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  section: string | null;
  topic: string | null;
  kind: "statement" | "quote" | "number";
  quote: string | null;
  speaker: string | null;
  /** The engine's calibrated support (0..1) and suggested verdict. */
  support: number | null;
  suggestedVerdict: string | null;
  reviewState: string;
  state: ClaimState;
  revision: number;
}

/** A link from a claim to a source span. */
export interface LinkView {
  id: string;
  claimId: string;
  /** The source document and the version the offsets point into. */
  documentId: string;
  versionId: string;
  /** Whether `versionId` is the source's latest version (an orphaned link may point at an older one). */
  onLatestVersion: boolean;
  start: number;
  end: number;
  exact: string;
  origin: "suggested" | "manual";
  state: "suggested" | "accepted" | "rejected";
  verdict: "supports" | "partial" | "contradicts" | null;
  score: number | null;
  rank: number | null;
  anchorStatus: "anchored" | "changed" | "orphaned";
  previousExact: string | null;
  /** Quote and mismatch checks of the engine. */
  checks: unknown;
  revision: number;
}

/** A dossier with its briefings, sources, claims, links and coverage. */
export interface DossierView {
  id: string;
  title: string;
  workspaceId: string;
  workspaceName: string;
  /** The example dossier every installation starts with (the reader offers its tour there). */
  isExample: boolean;
  /** The read-only address when the dossier is published, else null. */
  publishedPath: string | null;
  briefings: DocumentView[];
  sources: DocumentView[];
  claims: ClaimView[];
  links: LinkView[];
  coverage: Record<ClaimState, number> & { total: number };
}

const dossierIdSchema = z.uuid();

/**
 * The dossier, if the actor may read it; `not_found` when the id is malformed, unknown, or in a
 * workspace the actor is not a member of.
 */
export async function getDossierOrThrow(db: Db, dossierId: string, actor: Actor): Promise<DossierView> {
  if (!dossierIdSchema.safeParse(dossierId).success) throw new AppError("not_found", "No such dossier.");
  await authorizeDossier(db, actor, dossierId, "dossier.read");
  return loadDossierView(db, { id: dossierId });
}

/** The dossier published under `token`, read-only, for anyone with the link. */
export async function getPublishedDossierOrThrow(db: Db, token: string): Promise<DossierView> {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) throw new AppError("not_found", "No such dossier.");
  return loadDossierView(db, { publishToken: token });
}

/** The dossier's own fields, its workspace's, and its documents and their versions (as JSON text: a handful of rows). */
interface HeaderRow {
  id: string;
  title: string;
  publishToken: string | null;
  workspaceId: string;
  slug: string;
  workspaceName: string;
  workspaceSlug: string;
  /** `[id, kind, title, author, originUrl, provenance, embeddedInTitle, latest version id, its number]` by kind, then position. */
  documents: string;
  /** `[version id, document id]` of every version of the dossier's documents. */
  versions: string;
}

type DocumentTuple = [string, DocumentView["kind"], string, string | null, string | null, string | null, string | null, string | null, number | null];

/** A claim as its query sends it: the fields of `ClaimView` but `state`, in that order. */
type ClaimTuple = [string, string, number, number, string, string | null, string | null, ClaimView["kind"], string | null, string | null, number | string | null, string | null, string, number];

/** A link as its query sends it: the fields of `LinkView` up to `claimId`, in that order. */
type LinkTuple = [
  string,
  string,
  number,
  number,
  string,
  LinkView["origin"],
  LinkView["state"],
  LinkView["verdict"],
  number | string | null,
  number | null,
  LinkView["anchorStatus"],
  string | null,
  unknown,
  number,
  string,
];

// Three statements through `$queryRaw`: the dossier with its documents and their versions, its
// live claims, and their links, the last two each as one JSON text of arrays that JSON.parse reads
// at once. The nested relation reads this replaced took six or seven statements, and Prisma's
// mapping of their rows was most of a read's CPU in Node (a large dossier has thousands of links).
// Building the JSON costs PostgreSQL more than sending rows, but less than mapping the rows costs
// Node: measured with `npm run bench:read`, the total of both is lower than with plain rows.
async function loadDossierView(db: Db, where: { id: string } | { publishToken: string }): Promise<DossierView> {
  const [dossier] = await db.$queryRaw<HeaderRow[]>`
    SELECT d."id", d."title", d."publishToken", d."workspaceId", d."slug", w."name" AS "workspaceName", w."slug" AS "workspaceSlug",
      (SELECT COALESCE(json_agg(json_build_array(doc."id", doc."kind", doc."title", doc."author", doc."originUrl", doc."provenance", e."title", v."id", v."number") ORDER BY doc."kind", doc."position"), '[]')
        FROM "Document" doc
        LEFT JOIN "Document" e ON e."id" = doc."embeddedInId"
        LEFT JOIN LATERAL (SELECT dv."id", dv."number" FROM "DocumentVersion" dv WHERE dv."documentId" = doc."id" ORDER BY dv."number" DESC LIMIT 1) v ON true
        WHERE doc."dossierId" = d."id")::text AS "documents",
      (SELECT COALESCE(json_agg(json_build_array(dv."id", dv."documentId")), '[]')
        FROM "Document" doc JOIN "DocumentVersion" dv ON dv."documentId" = doc."id"
        WHERE doc."dossierId" = d."id")::text AS "versions"
    FROM "Dossier" d JOIN "Workspace" w ON w."id" = d."workspaceId"
    WHERE ${"id" in where ? Prisma.sql`d."id" = ${where.id}` : Prisma.sql`d."publishToken" = ${where.publishToken}`}`;
  if (!dossier) throw new AppError("not_found", "No such dossier.");
  const [{ claims: claimJson }] = await db.$queryRaw<{ claims: string }[]>`
    SELECT COALESCE(json_agg(json_build_array(c."id", c."documentId", c."start", c."end", c."text", c."section", c."topic", c."kind", c."quote", c."speaker",
      c."support", c."suggestedVerdict", c."reviewState", c."revision") ORDER BY c."order"), '[]')::text AS "claims"
    FROM "Claim" c
    WHERE c."dossierId" = ${dossier.id} AND c."retiredAt" IS NULL`;
  // The links (thousands in a large dossier) grouped by claim in the claims' order, then by state,
  // rank and age, as a read nested under each claim would give them.
  const [{ links: linkJson }] = await db.$queryRaw<{ links: string }[]>`
    SELECT COALESCE(json_agg(json_build_array(l."id", l."versionId", l."start", l."end", l."exact", l."origin", l."state", l."verdict",
      l."score", l."rank", l."anchorStatus", l."previousExact", l."checks", l."revision", l."claimId")
      ORDER BY c."order", l."claimId", l."state", l."rank", l."createdAt"), '[]')::text AS "links"
    FROM "Link" l JOIN "Claim" c ON c."id" = l."claimId"
    WHERE c."dossierId" = ${dossier.id} AND c."retiredAt" IS NULL AND l."state" <> 'rejected'`;
  const linkRows = JSON.parse(linkJson) as LinkTuple[];

  const documentRows = JSON.parse(dossier.documents) as DocumentTuple[];
  const contents = await versionContents(db, documentRows.flatMap((d) => (d[7] ? [d[7]] : [])));
  const documents: DocumentView[] = [];
  for (const [id, kind, title, author, originUrl, provenance, embeddedInTitle, versionId, versionNumber] of documentRows) {
    const content = versionId && contents.get(versionId);
    if (!versionId || versionNumber === null || !content) continue;
    documents.push({ id, kind, title, author, originUrl, provenance, embeddedInTitle, versionId, versionNumber, text: content.text, blocks: content.blocks });
  }
  const latestVersion = new Set(documents.map((d) => d.versionId));
  const documentOf = new Map(JSON.parse(dossier.versions) as [string, string][]);
  // Links point into the dossier's own sources; should one point elsewhere, its document is looked up.
  const elsewhere = [...new Set(linkRows.filter((r) => !documentOf.has(r[1])).map((r) => r[1]))];
  if (elsewhere.length > 0) {
    for (const v of await db.documentVersion.findMany({ where: { id: { in: elsewhere } }, select: { id: true, documentId: true } })) documentOf.set(v.id, v.documentId);
  }
  const links: LinkView[] = [];
  const linksOf = new Map<string, LinkView[]>();
  // Each object built whole, with the fields in the order the answer has always had them.
  for (const [id, versionId, start, end, exact, origin, state, verdict, score, rank, anchorStatus, previousExact, checks, revision, claimId] of linkRows) {
    const link: LinkView = {
      id,
      versionId,
      start,
      end,
      exact,
      origin,
      state,
      verdict,
      score: double(score),
      rank,
      anchorStatus,
      previousExact,
      checks,
      revision,
      claimId,
      documentId: documentOf.get(versionId)!,
      onLatestVersion: latestVersion.has(versionId),
    };
    links.push(link);
    const list = linksOf.get(claimId);
    if (list) list.push(link);
    else linksOf.set(claimId, [link]);
  }
  const claims = (JSON.parse(claimJson) as ClaimTuple[]).map(
    ([id, documentId, start, end, text, section, topic, kind, quote, speaker, support, suggestedVerdict, reviewState, revision]): ClaimView => ({
      id,
      documentId,
      start,
      end,
      text,
      section,
      topic,
      kind,
      quote,
      speaker,
      support: double(support),
      suggestedVerdict,
      reviewState,
      revision,
      state: claimState({ reviewState, suggestedVerdict, links: linksOf.get(id) ?? [] }),
    }),
  );
  const coverage = { ...countStates(claims.map((c) => c.state)), total: claims.length };
  return {
    id: dossier.id,
    title: dossier.title,
    workspaceId: dossier.workspaceId,
    workspaceName: dossier.workspaceName,
    isExample: dossier.workspaceSlug === EXAMPLE_WORKSPACE_SLUG && dossier.slug === EXAMPLE_DOSSIER_SLUG,
    publishedPath: dossier.publishToken ? `/p/${dossier.publishToken}` : null,
    briefings: documents.filter((d) => d.kind === "briefing"),
    sources: documents.filter((d) => d.kind === "source"),
    claims,
    links,
    coverage,
  };
}

/** A double precision value read from JSON, where PostgreSQL writes NaN and ±Infinity as strings. */
function double(value: number | string | null): number | null {
  return typeof value === "string" ? Number(value) : value;
}
