// Builds a document's reading markup with its highlights as one HTML string, in one pass over blocks and marks.
import type { Block } from "../text/types.ts";
import { groupInSections } from "./group-in-sections.ts";
import type { IdRange } from "./split-at-ranges.ts";
import { splitBlocksAtRanges } from "./split-blocks-at-ranges.ts";

/** A highlight: a range with the kind it is drawn as (`hl-<kind>`). */
export interface HtmlMark extends IdRange {
  kind: string;
}

/** How to build the markup. */
export interface MarkedHtmlOptions {
  /** Orders kinds where marks overlap; the first one draws the piece (lower first). */
  rank?: (kind: string) => number;
  /** Blocks per `content-visibility` section; 0 for no sections. */
  sectionSize?: number;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Headings, paragraphs, lists, quotes and code as HTML, every block carrying
 * `data-block-start`/`data-block-end` and holding exactly its span of `text` (so a DOM point maps
 * back to an offset), every highlighted piece a `<mark class="hl hl-<kind>" data-link-id="<id>" data-links="<ids>">`
 * (`data-link-id` names the link that draws the piece, `data-links` every link over it).
 * Rendering the string is far cheaper than building and hydrating thousands of elements.
 */
export function renderMarkedHtml(text: string, blocks: readonly Block[], marks: readonly HtmlMark[], options: MarkedHtmlOptions = {}): string {
  const rank = options.rank ?? (() => 0);
  const kindOf = new Map(marks.map((m) => [m.id, m.kind]));
  const pieces = splitBlocksAtRanges(blocks, marks);
  const inline = (i: number): string => {
    let out = "";
    for (const piece of pieces[i]) {
      const content = escapeHtml(text.slice(piece.start, piece.end));
      if (piece.ids.length === 0) {
        out += content;
        continue;
      }
      let top = piece.ids[0];
      for (const id of piece.ids) if (rank(kindOf.get(id)!) < rank(kindOf.get(top)!)) top = id;
      const kind = kindOf.get(top)!;
      out += `<mark class="hl hl-${escapeHtml(kind)}" data-link-id="${escapeHtml(top)}" data-links="${escapeHtml(piece.ids.join(" "))}">${content}</mark>`;
    }
    return out;
  };
  const edges = (b: Block) => ` data-block-start="${b.start}" data-block-end="${b.end}"`;
  const run = (from: number, to: number): string => {
    let out = "";
    for (let i = from; i < to; ) {
      const block = blocks[i];
      if (block.kind === "listItem") {
        out += "<ul>";
        for (; i < to && blocks[i].kind === "listItem"; i++) {
          const depth = blocks[i].depth ?? 0;
          out += `<li${edges(blocks[i])}${depth ? ` style="margin-left:${depth * 1.25}rem"` : ""}>${inline(i)}</li>`;
        }
        out += "</ul>";
        continue;
      }
      const tag =
        block.kind === "heading"
          ? `h${Math.min(6, Math.max(2, (block.level ?? 1) + 1))}`
          : block.kind === "blockquote"
            ? "blockquote"
            : block.kind === "code"
              ? "pre"
              : "p";
      out += `<${tag}${edges(block)}>${inline(i)}</${tag}>`;
      i++;
    }
    return out;
  };
  if (!options.sectionSize) return run(0, blocks.length);
  return groupInSections(blocks, options.sectionSize)
    .map((s) => `<div class="reading-section" style="contain-intrinsic-size:auto ${s.estimatedHeight}px">${run(s.from, s.to)}</div>`)
    .join("");
}
