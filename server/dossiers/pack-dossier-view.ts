// Packs a dossier view for the reader page (links as rows, without the quotes its sources already hold) and unpacks it in the browser.
import type { DossierView, LinkView } from "./get-dossier-or-throw.ts";

/** Where a link's offsets point: a version of a source, and whether it is that source's latest. */
interface PackedVersion {
  versionId: string;
  documentId: string;
  latest: boolean;
}

/**
 * One link as a row. `version` indexes `versions`, `claim` the dossier's claims; `exact` is null
 * when the link sits on its source's latest version and the text there reads exactly its quote
 * (the browser cuts it from the source it already has).
 */
export type PackedLink = [
  id: string,
  claim: number,
  version: number,
  start: number,
  end: number,
  origin: LinkView["origin"],
  state: LinkView["state"],
  verdict: LinkView["verdict"],
  score: number | null,
  rank: number | null,
  anchorStatus: LinkView["anchorStatus"],
  revision: number,
  exact: string | null,
  previousExact: string | null,
  checks: unknown,
];

/** A dossier view as the reader page sends it: about a third of the links' weight in JSON. */
export interface PackedDossierView extends Omit<DossierView, "links"> {
  versions: PackedVersion[];
  links: PackedLink[];
}

/** The view with its links packed; `unpackDossierView` gives back an equal view. */
export function packDossierView(view: DossierView): PackedDossierView {
  const { links, ...rest } = view;
  const claimIndex = new Map(view.claims.map((c, i) => [c.id, i]));
  const textOf = new Map([...view.sources, ...view.briefings].map((d) => [d.versionId, d.text]));
  const versions: PackedVersion[] = [];
  const versionIndex = new Map<string, number>();
  const packed = links.map((link): PackedLink => {
    const claim = claimIndex.get(link.claimId);
    if (claim === undefined) throw new RangeError(`link ${link.id} belongs to claim ${link.claimId}, which is not in the dossier`);
    let version = versionIndex.get(link.versionId);
    if (version === undefined) {
      version = versions.push({ versionId: link.versionId, documentId: link.documentId, latest: link.onLatestVersion }) - 1;
      versionIndex.set(link.versionId, version);
    }
    const text = link.onLatestVersion ? textOf.get(link.versionId) : undefined;
    const derivable = text !== undefined && link.anchorStatus !== "orphaned" && text.slice(link.start, link.end) === link.exact;
    return [
      link.id,
      claim,
      version,
      link.start,
      link.end,
      link.origin,
      link.state,
      link.verdict,
      link.score,
      link.rank,
      link.anchorStatus,
      link.revision,
      derivable ? null : link.exact,
      link.previousExact,
      link.checks,
    ];
  });
  return { ...rest, versions, links: packed };
}

/** The dossier view a packed one stands for. */
export function unpackDossierView(packed: PackedDossierView): DossierView {
  const { versions, links, ...rest } = packed;
  const textOf = new Map([...packed.sources, ...packed.briefings].map((d) => [d.versionId, d.text]));
  return {
    ...rest,
    links: links.map(([id, claim, version, start, end, origin, state, verdict, score, rank, anchorStatus, revision, exact, previousExact, checks]): LinkView => {
      const place = versions[version];
      const claimView = packed.claims[claim];
      if (!place || !claimView) throw new RangeError(`link ${id} points at version ${version} or claim ${claim}, which the dossier does not have`);
      return {
        id,
        claimId: claimView.id,
        documentId: place.documentId,
        versionId: place.versionId,
        onLatestVersion: place.latest,
        start,
        end,
        exact: exact ?? (textOf.get(place.versionId) ?? "").slice(start, end),
        origin,
        state,
        verdict,
        score,
        rank,
        anchorStatus,
        previousExact,
        checks,
        revision,
      };
    }),
  };
}
