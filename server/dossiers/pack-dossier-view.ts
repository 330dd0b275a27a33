// Packs a dossier view for the reader page (claims and links as rows, without the texts its documents already hold) and unpacks it in the browser.
import type { ClaimView, DossierView, LinkView } from "./get-dossier-or-throw.ts";

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

/**
 * One claim as a row. `document` indexes `claimDocuments`; `text` is null when its document's text
 * reads exactly that at its offsets (the browser cuts it from the document it already has).
 */
export type PackedClaim = [
  id: string,
  document: number,
  start: number,
  end: number,
  text: string | null,
  section: ClaimView["section"],
  topic: ClaimView["topic"],
  kind: ClaimView["kind"],
  quote: ClaimView["quote"],
  speaker: ClaimView["speaker"],
  support: ClaimView["support"],
  suggestedVerdict: ClaimView["suggestedVerdict"],
  reviewState: ClaimView["reviewState"],
  revision: number,
  state: ClaimView["state"],
];

/** A dossier view as the reader page sends it: about a third of the claims' and links' weight in JSON. */
export interface PackedDossierView extends Omit<DossierView, "claims" | "links"> {
  claimDocuments: string[];
  claims: PackedClaim[];
  versions: PackedVersion[];
  links: PackedLink[];
}

/** The view with its claims and links packed; `unpackDossierView` gives back an equal view. */
export function packDossierView(view: DossierView): PackedDossierView {
  const { claims, links, ...rest } = view;
  const claimIndex = new Map(claims.map((c, i) => [c.id, i]));
  const textOf = new Map([...view.sources, ...view.briefings].map((d) => [d.versionId, d.text]));
  const documentText = new Map([...view.sources, ...view.briefings].map((d) => [d.id, d.text]));
  const claimDocuments: string[] = [];
  const documentIndex = new Map<string, number>();
  const packedClaims = claims.map((claim): PackedClaim => {
    let document = documentIndex.get(claim.documentId);
    if (document === undefined) {
      document = claimDocuments.push(claim.documentId) - 1;
      documentIndex.set(claim.documentId, document);
    }
    const derivable = documentText.get(claim.documentId)?.slice(claim.start, claim.end) === claim.text;
    return [
      claim.id,
      document,
      claim.start,
      claim.end,
      derivable ? null : claim.text,
      claim.section,
      claim.topic,
      claim.kind,
      claim.quote,
      claim.speaker,
      claim.support,
      claim.suggestedVerdict,
      claim.reviewState,
      claim.revision,
      claim.state,
    ];
  });
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
  return { ...rest, claimDocuments, claims: packedClaims, versions, links: packed };
}

/** The dossier view a packed one stands for. */
export function unpackDossierView(packed: PackedDossierView): DossierView {
  const { claimDocuments, claims: packedClaims, versions, links, ...rest } = packed;
  const textOf = new Map([...packed.sources, ...packed.briefings].map((d) => [d.versionId, d.text]));
  const documentText = new Map([...packed.sources, ...packed.briefings].map((d) => [d.id, d.text]));
  const claims = packedClaims.map(
    ([id, document, start, end, text, section, topic, kind, quote, speaker, support, suggestedVerdict, reviewState, revision, state]): ClaimView => {
      const documentId = claimDocuments[document];
      if (documentId === undefined) throw new RangeError(`claim ${id} points at document ${document}, which the dossier does not have`);
      return {
        id,
        documentId,
        start,
        end,
        text: text ?? (documentText.get(documentId) ?? "").slice(start, end),
        section,
        topic,
        kind,
        quote,
        speaker,
        support,
        suggestedVerdict,
        reviewState,
        state,
        revision,
      };
    },
  );
  return {
    ...rest,
    claims,
    links: links.map(([id, claim, version, start, end, origin, state, verdict, score, rank, anchorStatus, revision, exact, previousExact, checks]): LinkView => {
      const place = versions[version];
      const claimView = claims[claim];
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
