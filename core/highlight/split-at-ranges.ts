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
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    pieces.push({ start: a, end: b, ids: inside.filter((r) => r.start <= a && r.end >= b).map((r) => r.id) });
  }
  return pieces;
}
