// Renders a document version's canonical text with its block structure, cut in pieces for marks, in sections the browser may skip.
import { Fragment, type ReactNode } from "react";
import { groupInSections } from "@/core/highlight/group-in-sections.ts";
import type { Piece } from "@/core/highlight/split-at-ranges.ts";
import type { Block } from "@/core/text/types.ts";

interface Props {
  text: string;
  blocks: Block[];
  /** The pieces of each block (from `splitBlocksAtRanges`), in the order of `blocks`. */
  pieces: Piece[][];
  /** How a piece covered by ranges is drawn; bare pieces are plain text. */
  renderMarked: (piece: Piece, content: string) => ReactNode;
  /** Groups blocks in `content-visibility: auto` sections (for long sources). */
  sectioned?: boolean;
}

/**
 * The document as headings, paragraphs, lists and quotes, in long-form typography. Each block
 * element carries `data-block-start`/`data-block-end`, and its text content is exactly that span of
 * `text`, so a point in the DOM maps back to an offset.
 */
export function DocumentBody({ text, blocks, pieces, renderMarked, sectioned = false }: Props) {
  const render = (from: number, to: number) => renderBlocks(text, blocks, pieces, renderMarked, from, to);
  if (!sectioned) return <div className="prose-reading">{render(0, blocks.length)}</div>;
  return (
    <div className="prose-reading">
      {groupInSections(blocks).map((section) => (
        <div
          key={section.from}
          className="reading-section"
          style={{ containIntrinsicSize: `auto ${section.estimatedHeight}px` }}
        >
          {render(section.from, section.to)}
        </div>
      ))}
    </div>
  );
}

function renderBlocks(
  text: string,
  blocks: Block[],
  pieces: Piece[][],
  renderMarked: Props["renderMarked"],
  from: number,
  to: number,
): ReactNode[] {
  const inline = (i: number) =>
    pieces[i].map((piece) => {
      const content = text.slice(piece.start, piece.end);
      return piece.ids.length === 0 ? <Fragment key={piece.start}>{content}</Fragment> : <Fragment key={piece.start}>{renderMarked(piece, content)}</Fragment>;
    });
  const edges = (block: Block) => ({ "data-block-start": block.start, "data-block-end": block.end });
  const out: ReactNode[] = [];
  for (let i = from; i < to; ) {
    const block = blocks[i];
    if (block.kind === "listItem") {
      const items: number[] = [];
      while (i < to && blocks[i].kind === "listItem") items.push(i++);
      out.push(
        <ul key={`l${block.start}`}>
          {items.map((j) => (
            <li key={blocks[j].start} {...edges(blocks[j])} style={blocks[j].depth ? { marginLeft: `${blocks[j].depth! * 1.25}rem` } : undefined}>
              {inline(j)}
            </li>
          ))}
        </ul>,
      );
      continue;
    }
    const content = inline(i);
    switch (block.kind) {
      case "heading": {
        const level = Math.min(6, Math.max(2, (block.level ?? 1) + 1));
        const Tag = `h${level}` as "h2";
        out.push(<Tag key={block.start} {...edges(block)}>{content}</Tag>);
        break;
      }
      case "blockquote":
        out.push(<blockquote key={block.start} {...edges(block)}>{content}</blockquote>);
        break;
      case "code":
        out.push(<pre key={block.start} {...edges(block)}>{content}</pre>);
        break;
      default:
        out.push(<p key={block.start} {...edges(block)}>{content}</p>);
    }
    i++;
  }
  return out;
}
