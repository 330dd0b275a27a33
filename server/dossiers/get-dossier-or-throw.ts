// Loads one dossier as the reader shows it: latest document versions, live claims with their
// roll-up state, their links, and the coverage counts.
import { z } from "zod";
import { claimState, countStates, type ClaimState } from "@/core/review/claim-state.ts";
import type { Block } from "@/core/text/types.ts";
import type { Db } from "../db.ts";
import { EXAMPLE_DOSSIER_SLUG, EXAMPLE_WORKSPACE_SLUG } from "../examples/example-workspace-slug.ts";
import { AppError } from "../errors/app-error.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import { linkViewFields } from "../links/present-link.ts";
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

async function loadDossierView(db: Db, where: { id: string } | { publishToken: string }): Promise<DossierView> {
  const dossier = await db.dossier.findUnique({
    where,
    select: {
      id: true,
      title: true,
      publishToken: true,
      workspaceId: true,
      slug: true,
      workspace: { select: { name: true, slug: true } },
      documents: {
        orderBy: [{ kind: "asc" }, { position: "asc" }],
        select: {
          id: true,
          kind: true,
          title: true,
          author: true,
          originUrl: true,
          provenance: true,
          embeddedIn: { select: { title: true } },
          // The text and blocks come from versionContents (kept in memory: a version never changes).
          versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true } },
        },
      },
      claims: {
        where: { retiredAt: null },
        orderBy: { order: "asc" },
        select: {
          id: true,
          documentId: true,
          start: true,
          end: true,
          text: true,
          section: true,
          topic: true,
          kind: true,
          quote: true,
          speaker: true,
          support: true,
          suggestedVerdict: true,
          reviewState: true,
          revision: true,
        },
      },
    },
  });
  if (!dossier) throw new AppError("not_found", "No such dossier.");
  // The links in one flat read (thousands in a large dossier): grouped by claim in the claims'
  // order, then by state, rank and age, as a read nested under each claim would give them.
  const rows = await db.link.findMany({
    where: { claim: { dossierId: dossier.id, retiredAt: null }, state: { not: "rejected" } },
    orderBy: [{ claim: { order: "asc" } }, { claimId: "asc" }, { state: "asc" }, { rank: "asc" }, { createdAt: "asc" }],
    select: { ...linkViewFields, claimId: true },
  });
  const contents = await versionContents(db, dossier.documents.flatMap((d) => d.versions.map((v) => v.id)));
  const documents = dossier.documents.flatMap((d): DocumentView[] => {
    const version = d.versions[0];
    const content = version && contents.get(version.id);
    if (!version || !content) return [];
    return [
      {
        id: d.id,
        kind: d.kind,
        title: d.title,
        author: d.author,
        originUrl: d.originUrl,
        provenance: d.provenance,
        embeddedInTitle: d.embeddedIn?.title ?? null,
        versionId: version.id,
        versionNumber: version.number,
        text: content.text,
        blocks: content.blocks,
      },
    ];
  });
  const latestVersion = new Set(documents.map((d) => d.versionId));
  const documentOf = new Map(documents.map((d) => [d.versionId, d.id]));
  const olderVersions = [...new Set(rows.map((l) => l.versionId).filter((id) => !documentOf.has(id)))];
  if (olderVersions.length > 0) {
    for (const v of await db.documentVersion.findMany({ where: { id: { in: olderVersions } }, select: { id: true, documentId: true } })) documentOf.set(v.id, v.documentId);
  }
  const links: LinkView[] = [];
  const linksOf = new Map<string, LinkView[]>();
  for (const row of rows) {
    const link: LinkView = { ...row, documentId: documentOf.get(row.versionId)!, onLatestVersion: latestVersion.has(row.versionId) };
    links.push(link);
    const list = linksOf.get(row.claimId);
    if (list) list.push(link);
    else linksOf.set(row.claimId, [link]);
  }
  const claims: ClaimView[] = dossier.claims.map((claim) => ({ ...claim, state: claimState({ ...claim, links: linksOf.get(claim.id) ?? [] }) }));
  const coverage = { ...countStates(claims.map((c) => c.state)), total: claims.length };
  return {
    id: dossier.id,
    title: dossier.title,
    workspaceId: dossier.workspaceId,
    workspaceName: dossier.workspace.name,
    isExample: dossier.workspace.slug === EXAMPLE_WORKSPACE_SLUG && dossier.slug === EXAMPLE_DOSSIER_SLUG,
    publishedPath: dossier.publishToken ? `/p/${dossier.publishToken}` : null,
    briefings: documents.filter((d) => d.kind === "briefing"),
    sources: documents.filter((d) => d.kind === "source"),
    claims,
    links,
    coverage,
  };
}
