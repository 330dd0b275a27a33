// The evidence panel: the active claim, its candidate spans as quote cards, and what can be done next.
import { memo, useState } from "react";
import type { ClaimView, DocumentView, LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { describeClaim, STATE_LABEL } from "./claim-words.ts";
import { pageAt } from "@/core/text/page-at.ts";
import { QuoteCard, type CardAction } from "./quote-card.tsx";

interface Props {
  claim: ClaimView | null;
  links: LinkView[];
  activeLinkId: string | null;
  /** Shows the evidence without the controls that change it. */
  readOnly?: boolean;
  sources: DocumentView[];
  onShowLink: (linkId: string) => void;
  onAction: (link: LinkView, action: CardAction) => void;
  onAttach: () => void;
  onReview: (state: "not_in_sources" | "in_review") => void;
  onClose: () => void;
}

/** Cards drawn at first; a claim with more passages shows the rest on request, so a jump stays quick. */
const FIRST_CARDS = 8;

/** A drawer at the source column's edge (a sheet on narrow screens); never a modal. */
export const EvidencePanel = memo(function EvidencePanel({ claim, links, activeLinkId, readOnly = false, sources, onShowLink, onAction, onAttach, onReview, onClose }: Props) {
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const [allFor, setAllFor] = useState<string | null>(null);
  const activeIndex = links.findIndex((l) => l.id === activeLinkId);
  const showAll = allFor === claim?.id || links.length <= FIRST_CARDS;
  const limit = showAll ? links.length : Math.max(FIRST_CARDS, activeIndex + 1);
  return (
    <aside aria-label="Evidence" className="evidence-panel flex min-h-0 flex-col" data-pane="evidence">
      <div className="flex items-center justify-between border-b border-rule px-4 py-2">
        <h2 className="text-xs font-semibold uppercase tracking-wider text-muted">Evidence</h2>
        <button type="button" onClick={onClose} className="rounded px-1.5 text-sm text-muted hover:bg-accent-soft hover:text-ink" aria-label="Close the evidence panel" title="Close (e)">
          ×
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        {!claim ? (
          <p className="text-sm text-muted">
            Pick a claim in the briefing (or press <kbd>j</kbd>) to see its evidence here.
          </p>
        ) : (
          <>
            <p className="font-reading text-[0.95rem] leading-snug">{claim.text}</p>
            <p className="mt-2 flex items-center gap-1.5 text-sm font-medium" data-claim-status={claim.state}>
              <span className={`cov-marker cov-${claim.state}`} aria-hidden>
                {STATE_LABEL[claim.state].marker}
              </span>
              {describeClaim(claim, links)}
            </p>
            {claim.section ? <p className="mt-0.5 text-xs text-muted">In “{claim.section}”</p> : null}
            {!readOnly && (claim.state === "unbacked" || links.length === 0) ? (
              <div className="mt-3 flex flex-wrap gap-2">
                <button type="button" onClick={onAttach} className="rounded bg-accent px-2.5 py-1 text-sm font-medium text-[var(--panel)] hover:opacity-90">
                  Attach a source
                </button>
                {claim.reviewState === "unreviewed" || claim.reviewState === "in_review" ? (
                  <button type="button" onClick={() => onReview("not_in_sources")} className="rounded border border-rule px-2.5 py-1 text-sm hover:border-accent hover:bg-accent-soft">
                    Mark not in sources
                  </button>
                ) : claim.reviewState === "not_in_sources" ? (
                  <button type="button" onClick={() => onReview("in_review")} className="rounded border border-rule px-2.5 py-1 text-sm hover:border-accent hover:bg-accent-soft" aria-keyshortcuts="u">
                    Undo <kbd className="text-muted">u</kbd>
                  </button>
                ) : null}
              </div>
            ) : null}
            <div className="mt-4 space-y-2.5">
              {links.slice(0, limit).map((link, i) => (
                <QuoteCard
                  key={link.id}
                  link={link}
                  index={i}
                  active={link.id === activeLinkId}
                  readOnly={readOnly}
                  sourceTitle={sourceById.get(link.documentId)?.title ?? "A source"}
                  sourceText={link.onLatestVersion ? (sourceById.get(link.documentId)?.text ?? null) : null}
                  page={link.onLatestVersion ? pageAt(sourceById.get(link.documentId)?.blocks ?? [], link.start) : null}
                  onShow={() => onShowLink(link.id)}
                  onAction={(action) => onAction(link, action)}
                />
              ))}
              {limit < links.length ? (
                <button type="button" onClick={() => setAllFor(claim.id)} className="w-full rounded border border-dashed border-rule py-1.5 text-sm text-muted hover:border-accent hover:text-ink">
                  Show {links.length - limit} more passage{links.length - limit === 1 ? "" : "s"}
                </button>
              ) : null}
            </div>
            <p className="mt-4 text-xs text-muted">
              {readOnly ? null : <>To link a passage by hand, select it in a source and press <kbd>L</kbd>.</>}
              {links.length > 1 ? (
                <>
                  {" "}
                  <kbd>1</kbd>–<kbd>9</kbd> choose a passage; <kbd>A</kbd> accepts it, <kbd>R</kbd> rejects it, <kbd>V</kbd> changes its verdict.
                </>
              ) : null}
            </p>
          </>
        )}
      </div>
    </aside>
  );
});
