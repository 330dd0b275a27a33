// Cuts a stretch of text into pieces at every range boundary, each piece knowing the ranges over it.

/** A range to show over the text, with the id it stands for. */
export interface IdRange {
  id: string;
  start: number;
  end: number;
}

/** A piece of `[start, end)` and the ids of every range covering all of it, in input order. */
export interface Piece {
  start: number;
  end: number;
  ids: string[];
}

/**
 * Splits `[start, end)` at the boundaries of the ranges that overlap it (ranges may overlap each
 * other). Pieces are contiguous, non-empty, and cover the whole stretch.
 */
export function splitAtRanges(start: number, end: number, ranges: readonly IdRange[]): Piece[] {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start > end) {
    throw new RangeError(`invalid stretch [${start}, ${end})`);
  }
  const inside = ranges.filter((r) => r.start < end && r.end > start && r.start < r.end);
  const cuts = new Set<number>([start, end]);
  for (const r of inside) {
    cuts.add(Math.max(r.start, start));
    cuts.add(Math.min(r.end, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const indexOf = new Map(points.map((p, i) => [p, i]));
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) pieces.push({ start: points[i], end: points[i + 1], ids: [] });
  // Each range adds its id to the pieces between its two cuts, ranges in input order: the work is
  // the pieces covered, not pieces × ranges (hundreds of claims in one paragraph stay cheap).
  for (const r of inside) {
    const to = indexOf.get(Math.min(r.end, end))!;
    for (let i = indexOf.get(Math.max(r.start, start))!; i < to; i++) pieces[i].ids.push(r.id);
  }
  return pieces;
}
