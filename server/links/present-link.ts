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

const linkSelect = {
  ...linkViewFields,
  claimId: true,
  version: { select: { documentId: true, document: { select: { versions: { orderBy: { number: "desc" as const }, take: 1, select: { id: true } } } } } },
} as const;

/** Loads a link as the reader shows it. */
export async function loadLinkView(tx: Tx, linkId: string): Promise<LinkView> {
  const row = await tx.link.findUniqueOrThrow({ where: { id: linkId }, select: linkSelect });
  const { version, ...link } = row;
  return { ...link, documentId: version.documentId, onLatestVersion: version.document.versions[0]?.id === link.versionId };
}
