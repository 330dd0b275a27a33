// Places the links of a source on a thin strip beside its scrollbar, merging those that would touch.

/** A span to show on the strip and what kind of mark it is (a verdict or a state). */
export interface MinimapItem {
  start: number;
  end: number;
  kind: string;
}

/** One tick: top and height as fractions of the strip, and the kinds it stands for, strongest first. */
export interface MinimapTick {
  top: number;
  height: number;
  kinds: string[];
  /** Offset of the first span in the tick, to jump to. */
  start: number;
}

/**
 * Ticks for `items` over a text of `length` characters. Ticks of the same kind closer than `minGap`
 * (a fraction of the strip) merge, so a run of links stays one tick; where kinds differ, the ticks
 * stay apart unless they overlap, and `rank` orders a tick's kinds so the one that matters most
 * shows (lower first).
 */
export function minimapTicks(
  length: number,
  items: readonly MinimapItem[],
  options: { minHeight?: number; minGap?: number; rank?: (kind: string) => number } = {},
): MinimapTick[] {
  if (!(length > 0)) return [];
  const minHeight = options.minHeight ?? 0.004;
  const minGap = options.minGap ?? 0.002;
  const rank = options.rank ?? (() => 0);
  const sorted = [...items].filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const ticks: MinimapTick[] = [];
  for (const item of sorted) {
    const top = Math.min(1, Math.max(0, item.start / length));
    const bottom = Math.max(top + minHeight, Math.min(1, item.end / length));
    const last = ticks[ticks.length - 1];
    const gap = last && last.kinds.includes(item.kind) ? minGap : -minHeight / 2;
    if (last && top < last.top + last.height + gap) {
      last.height = Math.max(last.height, bottom - last.top);
      if (!last.kinds.includes(item.kind)) last.kinds.push(item.kind);
      last.kinds.sort((a, b) => rank(a) - rank(b));
      continue;
    }
    ticks.push({ top, height: bottom - top, kinds: [item.kind], start: item.start });
  }
  return ticks;
}
