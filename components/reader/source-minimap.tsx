// A thin strip beside a source's scrollbar showing where its links land, coloured by verdict.
import { memo } from "react";
import { minimapTicks } from "@/core/highlight/minimap-ticks.ts";
import { kindRank } from "./claim-words.ts";
import type { SourceMark } from "./source-body.tsx";

/** Ticks for the marks of one source; clicking one jumps to its first link. Plain when there are none. */
export const SourceMinimap = memo(function SourceMinimap({ length, marks, onJump }: { length: number; marks: SourceMark[]; onJump: (linkId: string) => void }) {
  const ticks = minimapTicks(length, marks, { rank: kindRank, minHeight: 0.006 });
  // Ticks are keyed by start and kind: two kinds may begin at the same offset.
  const firstAt = new Map<number, string>();
  for (const m of [...marks].sort((a, b) => a.start - b.start)) if (!firstAt.has(m.start)) firstAt.set(m.start, m.id);
  return (
    <div className="minimap" aria-hidden={ticks.length === 0} data-empty={ticks.length === 0 ? "" : undefined}>
      {ticks.map((t) => (
        <button
          key={`${t.kind}:${t.start}`}
          type="button"
          tabIndex={-1}
          aria-label={`Jump to a ${t.kind} passage`}
          className={`minimap-tick hl-${t.kind}`}
          style={{ top: `${t.top * 100}%`, height: `max(3px, ${t.height * 100}%)` }}
          onClick={() => onJump(firstAt.get(t.start)!)}
        />
      ))}
    </div>
  );
});
