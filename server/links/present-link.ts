// The fields of a link that leave the server.
import type { LinkView } from "../dossiers/get-dossier-or-throw.ts";
import type { Tx } from "../db.ts";

/** A link's own fields that leave the server (its place in the source is added by each caller). */
export const linkViewFields = {
  id: true,
  versionId: true,
  start: true,
  end: true,
  exact: true,
  origin: true,
  state: true,
  verdict: true,
  score: true,
  rank: true,
  anchorStatus: true,
  previousExact: true,
  checks: true,
  revision: true,
} as const;

/** Loads a link as the reader shows it. */
export async function loadLinkView(tx: Tx, linkId: string): Promise<LinkView> {
  const link = await tx.link.findUniqueOrThrow({ where: { id: linkId }, select: { ...linkViewFields, claimId: true } });
  return { ...link, ...(await placeOfVersion(tx, link.versionId)) };
}

/** The document a version belongs to, and whether it is that document's latest version, in one read. */
export async function placeOfVersion(tx: Tx, versionId: string): Promise<{ documentId: string; onLatestVersion: boolean }> {
  const rows = await tx.$queryRaw<{ documentId: string; latest: boolean }[]>`
    SELECT v."documentId", NOT EXISTS (SELECT 1 FROM "DocumentVersion" n WHERE n."documentId" = v."documentId" AND n."number" > v."number") AS "latest"
    FROM "DocumentVersion" v
    WHERE v."id" = ${versionId}`;
  if (!rows[0]) throw new Error(`document version ${versionId} not found`);
  return { documentId: rows[0].documentId, onLatestVersion: rows[0].latest };
}
