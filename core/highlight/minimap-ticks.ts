// Places the links of a source on a thin strip beside its scrollbar, merging those that would touch.

/** A span to show on the strip and what kind of mark it is (a verdict or a state). */
export interface MinimapItem {
  start: number;
  end: number;
  kind: string;
}

/** One tick: top and height as fractions of the strip, and the kind of the spans it stands for. */
export interface MinimapTick {
  top: number;
  height: number;
  kind: string;
  /** Offset of the first span in the tick, to jump to. */
  start: number;
}

/**
 * Ticks for `items` over a text of `length` characters. Spans of one kind closer than `minGap` (a
 * fraction of the strip) merge, so a run of links stays one tick; kinds never merge, so a long
 * tentative span cannot hide a short decided one. Ticks come weakest kind first (by `rank`, lower
 * is stronger), so drawing them in order leaves the one that matters most on top.
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
  const lastOfKind = new Map<string, MinimapTick>();
  for (const item of sorted) {
    const top = Math.min(1, Math.max(0, item.start / length));
    const bottom = Math.max(top + minHeight, Math.min(1, item.end / length));
    const last = lastOfKind.get(item.kind);
    if (last && top <= last.top + last.height + minGap) {
      last.height = Math.max(last.height, bottom - last.top);
      continue;
    }
    const tick = { top, height: bottom - top, kind: item.kind, start: item.start };
    ticks.push(tick);
    lastOfKind.set(item.kind, tick);
  }
  return ticks.sort((a, b) => rank(b.kind) - rank(a.kind) || a.top - b.top);
}
