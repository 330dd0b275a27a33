// One candidate or accepted span of a claim: its source, the quote in context, score, checks and verdict buttons.
import type { Mismatch, QuoteCheck } from "@/core/alignment/types.ts";
import { quoteContext } from "@/core/highlight/quote-context.ts";
import type { LinkView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { suggestedWords, VERDICT_LABEL } from "./claim-words.ts";

/** The decisions a card offers; the reader carries them out. */
export type CardAction = "supports" | "partial" | "contradicts" | "reject" | "undo";

interface Props {
  link: LinkView;
  sourceTitle: string;
  /** The page the passage is on, for sources read from PDF. */
  page?: number | null;
  /** The source's latest text, when the link points into it. */
  sourceText: string | null;
  active: boolean;
  readOnly?: boolean;
  index: number;
  onShow: () => void;
  onAction: (action: CardAction) => void;
}

/** A quote card; the active one carries the key hints. */
export function QuoteCard({ link, sourceTitle, page = null, sourceText, active, readOnly = false, index, onShow, onAction }: Props) {
  const checks = readChecks(link.checks);
  const orphaned = link.anchorStatus === "orphaned" || !link.onLatestVersion;
  const context = !orphaned && sourceText && link.end <= sourceText.length ? quoteContext(sourceText, link.start, link.end, 7) : null;
  const accepted = link.state === "accepted";
  return (
    <article
      className="quote-card rounded-md border border-rule bg-panel p-3 text-sm data-[active]:border-accent data-[active]:shadow-sm"
      data-active={active ? "" : undefined}
      data-link-id={link.id}
      aria-current={active ? "true" : undefined}
    >
      <header className="mb-1.5 flex items-center justify-between gap-2 text-xs text-muted">
        <button
          type="button"
          onClick={onShow}
          className="min-w-0 truncate text-left hover:text-ink hover:underline"
          title={index < 9 ? `Show in the source (${index + 1})` : "Show in the source"}
          aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
        >
          {index + 1}. {sourceTitle}
          {page !== null ? `, p. ${page}` : null}
        </button>
        <span className="shrink-0">{link.origin === "manual" ? "Linked by hand" : null}</span>
      </header>
      {orphaned ? (
        <p className="rounded bg-accent-soft px-2 py-1.5 text-ink">
          This link lost its place when the source changed. It pointed at: <q className="font-reading italic">{link.previousExact ?? link.exact}</q>
        </p>
      ) : (
        <button type="button" onClick={onShow} className="block w-full text-left font-reading leading-snug text-ink">
          {context ? (
            <>
              <span className="text-muted">
                {context.clippedBefore ? "…" : ""}
                {context.before}
              </span>
              <mark className={`hl hl-${accepted ? (link.verdict ?? "supports") : "suggested"}`}>{context.exact}</mark>
              <span className="text-muted">
                {context.after}
                {context.clippedAfter ? "…" : ""}
              </span>
            </>
          ) : (
            <q>{link.exact}</q>
          )}
        </button>
      )}
      {link.anchorStatus === "changed" && !orphaned ? (
        <p className="mt-1 text-xs text-muted">The source changed here; it used to read “{link.previousExact}”.</p>
      ) : null}
      <div className="mt-2 flex items-center gap-2 text-xs">
        {accepted ? (
          <span className={`verdict-chip hl-${link.verdict ?? "supports"}`}>{VERDICT_LABEL[link.verdict ?? "supports"]}</span>
        ) : (
          <>
            <span className="score-bar" aria-hidden>
              <span style={{ width: `${Math.round((link.score ?? 0) * 100)}%` }} />
            </span>
            <span className="text-muted">{suggestedWords(link.score)}</span>
          </>
        )}
      </div>
      {checks.quotes.length + checks.mismatches.length > 0 ? (
        <ul className="mt-2 space-y-1 text-xs">
          {checks.quotes.map((q, i) => (
            <li key={`q${i}`} className="flex gap-1.5">
              <span aria-hidden className={`check-mark check-${q.status}`}>
                {q.status === "verbatim" ? "✓" : q.status === "near" ? "≈" : "✗"}
              </span>
              <span>
                {q.status === "verbatim" ? "Quoted verbatim" : q.status === "near" ? "Quoted nearly" : "Quote not found"}: “{q.text}”
                {q.status === "near" && q.differences?.length ? (
                  <span className="text-muted">
                    {" "}
                    — differs in {q.differences.map((d) => `${d.kind} (“${d.claim}” vs “${d.source}”)`).join(", ")}
                  </span>
                ) : null}
              </span>
            </li>
          ))}
          {checks.mismatches.map((m, i) => (
            <li key={`m${i}`} className="flex gap-1.5">
              <span aria-hidden className="check-mark check-missing">
                ≠
              </span>
              <span>
                The {m.kind} differs: the claim says “{m.claim}”, the source “{m.source}”
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
      <div className="mt-2.5 flex flex-wrap gap-1" role="group" aria-label="Verdict">
        <ActionButton label="Supports" hint={accepted ? "V" : "A"} pressed={accepted && link.verdict === "supports"} active={active} onClick={() => onAction("supports")} />
        <ActionButton label="Partial" hint={accepted ? "V" : undefined} pressed={accepted && link.verdict === "partial"} active={active} onClick={() => onAction("partial")} />
        <ActionButton label="Contradicts" hint={accepted ? "V" : undefined} pressed={accepted && link.verdict === "contradicts"} active={active} onClick={() => onAction("contradicts")} />
        {accepted ? (
          <ActionButton label={link.origin === "manual" ? "Unlink" : "Undo"} hint="U" active={active} onClick={() => onAction("undo")} />
        ) : (
          <ActionButton label="Reject" hint="R" active={active} onClick={() => onAction("reject")} />
        )}
      </div>
      )}
    </article>
  );
}

/** A verdict button; `hint` is the key that does the same for the active card (V cycles the verdicts). */
function ActionButton({ label, hint, pressed, active, onClick }: { label: string; hint?: string; pressed?: boolean; active: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-pressed={pressed === undefined ? undefined : pressed}
      aria-keyshortcuts={active && hint ? hint.toLowerCase() : undefined}
      className="action-btn rounded border border-rule px-2 py-1 text-xs hover:border-accent hover:bg-accent-soft aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:font-semibold"
    >
      {label}
      {active && hint ? <kbd className="ml-1.5 text-[0.7rem] text-muted" aria-hidden>{hint}</kbd> : null}
    </button>
  );
}

function readChecks(value: unknown): { quotes: QuoteCheck[]; mismatches: Mismatch[] } {
  const v = (value ?? {}) as { quotes?: unknown; mismatches?: unknown };
  return { quotes: Array.isArray(v.quotes) ? (v.quotes as QuoteCheck[]) : [], mismatches: Array.isArray(v.mismatches) ? (v.mismatches as Mismatch[]) : [] };
}
