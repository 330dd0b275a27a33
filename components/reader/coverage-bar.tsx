// The coverage bar: one segment per claim state with its count and cue; clicking one filters the briefing.
import { CLAIM_STATES, type ClaimState } from "@/core/review/claim-state.ts";
import { STATE_LABEL } from "./claim-words.ts";

interface Props {
  coverage: Record<ClaimState, number> & { total: number };
  filter: ClaimState | null;
  onFilter: (state: ClaimState | null) => void;
}

/** Segments sized by count, each a toggle button that filters the briefing to its claims. */
export function CoverageBar({ coverage, filter, onFilter }: Props) {
  const total = Math.max(1, coverage.total);
  return (
    <div className="flex min-w-0 flex-col gap-1" role="group" aria-label="Coverage">
      <div className="flex h-2 w-full overflow-hidden rounded-full bg-rule" aria-hidden>
        {CLAIM_STATES.filter((s) => coverage[s] > 0).map((s) => (
          <span key={s} className={`cov-fill cov-${s}`} style={{ width: `${(coverage[s] / total) * 100}%` }} />
        ))}
      </div>
      <div className="flex flex-wrap gap-x-1 gap-y-1">
        {CLAIM_STATES.map((s) => (
          <button
            key={s}
            type="button"
            data-coverage={s}
            aria-pressed={filter === s}
            disabled={coverage[s] === 0 && filter !== s}
            onClick={() => onFilter(filter === s ? null : s)}
            className="cov-chip rounded px-1.5 py-0.5 text-xs text-muted hover:bg-accent-soft disabled:opacity-45 aria-pressed:bg-accent-soft aria-pressed:text-ink"
          >
            <span className={`cov-marker cov-${s}`} aria-hidden>
              {STATE_LABEL[s].marker}
            </span>{" "}
            {STATE_LABEL[s].label} <span className="font-semibold tabular-nums text-ink">{coverage[s]}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
