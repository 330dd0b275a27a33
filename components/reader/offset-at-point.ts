// Maps a point in a rendered document (a DOM node and offset, as selections give) back to an offset in its text.

/**
 * The text offset of `(node, offset)` inside `root`, whose block elements carry
 * `data-block-start`/`data-block-end` and hold exactly their span of the text. A point between
 * blocks maps to the start of the next block (or the end of the last one); `null` outside `root`.
 */
export function offsetAtPoint(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const block = element?.closest<HTMLElement>("[data-block-start]");
  if (block && root.contains(block)) {
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(node, offset);
    return Number(block.dataset.blockStart) + range.toString().length;
  }
  const blocks = root.querySelectorAll<HTMLElement>("[data-block-start]");
  const range = document.createRange();
  for (const b of blocks) {
    range.selectNodeContents(b);
    if (range.comparePoint(node, offset) < 0) return Number(b.dataset.blockStart);
  }
  const last = blocks[blocks.length - 1];
  return last ? Number(last.dataset.blockEnd) : null;
}
