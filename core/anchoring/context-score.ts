// Scores how well a stored prefix or suffix agrees with the text beside a candidate match.
import { MATCH_WEIGHTS } from "./match-weights.ts";

// Rows of the edit-distance table, reused between calls: scoring thousands of anchors would
// otherwise allocate two arrays for each side of each candidate.
let rowBuffer = new Uint32Array(0);
let nextBuffer = new Uint32Array(0);

/**
 * How alike `context` is to the text on one `side` of `boundary`, from 0 (unrelated) to 1 (the
 * same). The comparison is pinned at the boundary and free at the far end, so a word inserted
 * just beside the quote costs only its own length, not a shift of the whole context.
 * An empty context means the quote touched the edge of its text: it agrees fully with a
 * candidate at the same edge and is neutral (`MATCH_WEIGHTS.NEUTRAL_CONTEXT`) elsewhere.
 */
export function contextScore(text: string, boundary: number, context: string, side: "before" | "after"): number {
  const m = context.length;
  if (m === 0) {
    const atEdge = side === "before" ? boundary === 0 : boundary === text.length;
    return atEdge ? 1 : MATCH_WEIGHTS.NEUTRAL_CONTEXT;
  }
  const before = side === "before";
  if (before ? text.startsWith(context, boundary - m) && boundary >= m : text.startsWith(context, boundary)) {
    return 1;
  }
  // Let the text run up to half the context's length longer, to absorb insertions.
  const available = before ? boundary : text.length - boundary;
  const width = Math.min(available, m + Math.ceil(m / 2));
  // Edit distance of context[..i] against text[..j], both read outward from the boundary.
  if (rowBuffer.length <= width) {
    rowBuffer = new Uint32Array(width + 1);
    nextBuffer = new Uint32Array(width + 1);
  }
  let row = rowBuffer;
  let next = nextBuffer;
  for (let j = 0; j <= width; j += 1) row[j] = j;
  for (let i = 1; i <= m; i += 1) {
    const p = before ? context.charCodeAt(m - i) : context.charCodeAt(i - 1);
    next[0] = i;
    for (let j = 1; j <= width; j += 1) {
      const t = before ? text.charCodeAt(boundary - j) : text.charCodeAt(boundary + j - 1);
      const substitute = row[j - 1] + (p === t ? 0 : 1);
      const skipContext = row[j] + 1;
      const skipText = next[j - 1] + 1;
      next[j] = Math.min(substitute, skipContext, skipText);
    }
    const done = next;
    next = row;
    row = done;
  }
  let errors = m;
  for (let j = 0; j <= width; j += 1) errors = Math.min(errors, row[j]);
  return Math.max(0, 1 - errors / m);
}
