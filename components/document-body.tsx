// Renders a document version's canonical text with its block structure, optionally marking ranges.
import { Fragment, type ReactNode } from "react";
import { splitAtRanges, type IdRange } from "@/core/highlight/split-at-ranges.ts";
import type { Block } from "@/core/text/types.ts";

interface Props {
  text: string;
  blocks: Block[];
  /** Ranges to wrap (claims of a briefing), each becoming a span with `data-claim-id`. */
  marks?: IdRange[];
}

/** The document as headings, paragraphs, lists and quotes, in long-form typography. */
export function DocumentBody({ text, blocks, marks = [] }: Props) {
  const out: ReactNode[] = [];
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i];
    if (block.kind === "listItem") {
      const items: Block[] = [];
      while (i < blocks.length && blocks[i].kind === "listItem") items.push(blocks[i++]);
      out.push(
        <ul key={`l${block.start}`}>
          {items.map((item) => (
            <li key={item.start} style={item.depth ? { marginLeft: `${item.depth * 1.25}rem` } : undefined}>
              <Inline text={text} block={item} marks={marks} />
            </li>
          ))}
        </ul>,
      );
      continue;
    }
    out.push(<BlockElement key={block.start} text={text} block={block} marks={marks} />);
    i++;
  }
  return <div className="prose-reading">{out}</div>;
}

function BlockElement({ text, block, marks }: { text: string; block: Block; marks: IdRange[] }) {
  const inline = <Inline text={text} block={block} marks={marks} />;
  switch (block.kind) {
    case "heading": {
      const level = Math.min(6, Math.max(2, (block.level ?? 1) + 1));
      const Tag = `h${level}` as "h2";
      return <Tag>{inline}</Tag>;
    }
    case "blockquote":
      return <blockquote>{inline}</blockquote>;
    case "code":
      return <pre>{inline}</pre>;
    default:
      return <p>{inline}</p>;
  }
}

function Inline({ text, block, marks }: { text: string; block: Block; marks: IdRange[] }) {
  const pieces = splitAtRanges(block.start, block.end, marks);
  return (
    <>
      {pieces.map((piece) => {
        const content = text.slice(piece.start, piece.end);
        if (piece.ids.length === 0) return <Fragment key={piece.start}>{content}</Fragment>;
        return (
          <span key={piece.start} className="claim" data-claim-id={piece.ids.join(" ")}>
            {content}
          </span>
        );
      })}
    </>
  );
}
