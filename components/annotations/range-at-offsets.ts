// Maps a span of a rendered document's text back to a DOM Range, for drawing and scrolling to annotated spans.

/**
 * The Range covering `[start, end)` of the text rendered in `root`, whose block elements carry
 * `data-block-start`/`data-block-end` and hold exactly their span of the text; null when a point
 * falls in no rendered block (a folded part of the briefing).
 */
export function rangeAtOffsets(root: Element, start: number, end: number): Range | null {
  const blocks = root.querySelectorAll<HTMLElement>("[data-block-start]");
  const from = pointAt(blocks, start, false);
  const to = pointAt(blocks, end, true);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range.collapsed ? null : range;
}

function pointAt(blocks: NodeListOf<HTMLElement>, offset: number, isEnd: boolean): { node: Text; offset: number } | null {
  // Blocks come in text order. A start point lies in the first block ending after it, an end
  // point in the last block starting before it; a point between blocks moves to the nearer edge.
  const startOf = (i: number) => Number(blocks[i].dataset.blockStart);
  const endOf = (i: number) => Number(blocks[i].dataset.blockEnd);
  let lo = 0;
  let hi = blocks.length;
  if (!isEnd) {
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (endOf(mid) > offset) hi = mid;
      else lo = mid + 1;
    }
    if (lo >= blocks.length) return null;
    return textPoint(blocks[lo], Math.max(0, offset - startOf(lo)));
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(mid) < offset) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  if (i < 0) return null;
  return textPoint(blocks[i], Math.min(offset, endOf(i)) - startOf(i));
}

function textPoint(block: HTMLElement, within: number): { node: Text; offset: number } | null {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let left = within;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.length) return { node, offset: left };
    left -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : null;
}
