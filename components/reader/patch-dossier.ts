// Applies one change (a link, a claim's review state) to a dossier view, re-deriving claim states and coverage, for optimistic updates.
import { claimState, countStates } from "@/core/review/claim-state.ts";
import type { ClaimView, DossierView, LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";

/** The view with `link` put in place of the link with its id (or added); a rejected link leaves the view. */
export function withLink(view: DossierView, link: LinkView): DossierView {
  const exists = view.links.some((l) => l.id === link.id);
  const links =
    link.state === "rejected"
      ? view.links.filter((l) => l.id !== link.id)
      : exists
        ? view.links.map((l) => (l.id === link.id ? link : l))
        : [...view.links, link];
  return rederive({ ...view, links }, link.claimId);
}

/** The view without the link `linkId`. */
export function withoutLink(view: DossierView, linkId: string): DossierView {
  const link = view.links.find((l) => l.id === linkId);
  if (!link) return view;
  return rederive({ ...view, links: view.links.filter((l) => l.id !== linkId) }, link.claimId);
}

/** The view with some fields of one claim changed. */
export function withClaim(view: DossierView, claimId: string, patch: Partial<Pick<ClaimView, "reviewState" | "revision">>): DossierView {
  return rederive({ ...view, claims: view.claims.map((c) => (c.id === claimId ? { ...c, ...patch } : c)) }, claimId);
}

function rederive(view: DossierView, claimId: string): DossierView {
  const claims = view.claims.map((c) =>
    c.id === claimId ? { ...c, state: claimState({ ...c, links: view.links.filter((l) => l.claimId === claimId) }) } : c,
  );
  return { ...view, claims, coverage: { ...countStates(claims.map((c) => c.state)), total: claims.length } };
}
