// A source's text with its links as <mark>s, built in one pass and only rebuilt when the marks change.
import { memo } from "react";
import type { IdRange } from "@/core/highlight/split-at-ranges.ts";
import { splitBlocksAtRanges } from "@/core/highlight/split-blocks-at-ranges.ts";
import type { Block } from "@/core/text/types.ts";
import { DocumentBody } from "../document-body.tsx";
import { kindRank } from "./claim-words.ts";

/** A link's span in this source and how it is drawn. */
export interface SourceMark extends IdRange {
  kind: string;
}

interface Props {
  text: string;
  blocks: Block[];
  marks: SourceMark[];
  /** Changes exactly when `marks` change in a way that shows (ids, ends, kinds). */
  signature: string;
}

/**
 * The source as long-form text in sections; each mark lists its link ids in `data-links`, so making
 * one link active is a class change on its marks, not a render.
 */
export const SourceBody = memo(
  function SourceBody({ text, blocks, marks }: Props) {
    const kindOf = new Map(marks.map((m) => [m.id, m.kind]));
    const pieces = splitBlocksAtRanges(blocks, marks);
    return (
      <DocumentBody
        text={text}
        blocks={blocks}
        pieces={pieces}
        sectioned
        renderMarked={(piece, content) => {
          const kind = piece.ids.map((id) => kindOf.get(id) ?? "suggested").sort((a, b) => kindRank(a) - kindRank(b))[0];
          return (
            <mark className={`hl hl-${kind}`} data-links={piece.ids.join(" ")}>
              {content}
            </mark>
          );
        }}
      />
    );
  },
  (a, b) => a.text === b.text && a.blocks === b.blocks && a.signature === b.signature,
);
