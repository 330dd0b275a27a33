// Turns a briefing version (canonical text, blocks, claim spans) into the Tiptap document it is edited as.
import { splitAtRanges, type IdRange } from "../highlight/split-at-ranges.ts";
import type { Block } from "../text/types.ts";
import { CLAIM_MARK, type BriefingJsonNode, type ClaimMarkJson } from "./briefing-json.ts";

/**
 * The briefing as a Tiptap document: headings, paragraphs, bullet lists (nested by depth), block
 * quotes (neighbouring quote blocks share one) and code blocks; a line break inside a block is a
 * `hardBreak`. Each claim puts a `claim` mark carrying its id on the text it covers; overlapping
 * claims give text several marks. Code blocks take no marks (claims are never found in code), so a
 * claim's part inside one is not marked.
 *
 * `blocks` must be sorted, within `text` and not overlap.
 */
export function briefingToJson(text: string, blocks: readonly Block[], claims: readonly IdRange[]): BriefingJsonNode {
  const content: BriefingJsonNode[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i];
    if (block.start < (blocks[i - 1]?.end ?? 0) || block.end > text.length || block.start > block.end) {
      throw new RangeError(`briefingToJson: block ${i} [${block.start}, ${block.end}) is out of order or outside the text`);
    }
    if (block.kind === "listItem") {
      const items: Block[] = [];
      while (i < blocks.length && blocks[i].kind === "listItem") items.push(blocks[i++]);
      content.push(buildList(items, 0, 0, (b) => inline(text, b, claims)).list);
      continue;
    }
    if (block.kind === "blockquote") {
      const paragraphs: BriefingJsonNode[] = [];
      while (i < blocks.length && blocks[i].kind === "blockquote") paragraphs.push(paragraph(inline(text, blocks[i++], claims)));
      content.push({ type: "blockquote", content: paragraphs });
      continue;
    }
    if (block.kind === "heading") {
      content.push(withContent({ type: "heading", attrs: { level: Math.min(6, Math.max(1, block.level ?? 1)) } }, inline(text, block, claims)));
    } else if (block.kind === "code") {
      const code = text.slice(block.start, block.end);
      content.push(withContent({ type: "codeBlock", attrs: { language: null } }, code ? [{ type: "text", text: code }] : []));
    } else {
      content.push(paragraph(inline(text, block, claims)));
    }
    i++;
  }
  if (content.length === 0) content.push({ type: "paragraph" });
  return { type: "doc", content };
}

/**
 * A bullet list of `items[from…]` at nesting `depth`, up to the first item shallower than it.
 * An item deeper than the one before it (or opening the list deeper than 0) is nested in an item
 * whose paragraph is empty, as the editor's schema wants a list item to open with a paragraph.
 */
function buildList(
  items: readonly Block[],
  from: number,
  depth: number,
  inlineOf: (block: Block) => BriefingJsonNode[],
): { list: BriefingJsonNode; next: number } {
  const listItems: BriefingJsonNode[] = [];
  let i = from;
  while (i < items.length && (items[i].depth ?? 0) >= depth) {
    const item: BriefingJsonNode = { type: "listItem", content: [] };
    if ((items[i].depth ?? 0) === depth) item.content!.push(paragraph(inlineOf(items[i++])));
    else item.content!.push({ type: "paragraph" });
    if (i < items.length && (items[i].depth ?? 0) > depth) {
      const nested = buildList(items, i, depth + 1, inlineOf);
      item.content!.push(nested.list);
      i = nested.next;
    }
    listItems.push(item);
  }
  return { list: { type: "bulletList", content: listItems }, next: i };
}

/** The block's text as text nodes and hard breaks, each carrying the marks of the claims over it. */
function inline(text: string, block: Block, claims: readonly IdRange[]): BriefingJsonNode[] {
  const nodes: BriefingJsonNode[] = [];
  for (const piece of splitAtRanges(block.start, block.end, claims)) {
    const marks: ClaimMarkJson[] = piece.ids.map((id) => ({ type: CLAIM_MARK, attrs: { id } }));
    const withMarks = (node: BriefingJsonNode): BriefingJsonNode => (marks.length > 0 ? { ...node, marks } : node);
    text
      .slice(piece.start, piece.end)
      .split("\n")
      .forEach((line, n) => {
        if (n > 0) nodes.push(withMarks({ type: "hardBreak" }));
        if (line !== "") nodes.push(withMarks({ type: "text", text: line }));
      });
  }
  return nodes;
}

function paragraph(content: BriefingJsonNode[]): BriefingJsonNode {
  return withContent({ type: "paragraph" }, content);
}

/** ProseMirror's JSON leaves `content` out of an empty node. */
function withContent(node: BriefingJsonNode, content: BriefingJsonNode[]): BriefingJsonNode {
  return content.length > 0 ? { ...node, content } : node;
}
