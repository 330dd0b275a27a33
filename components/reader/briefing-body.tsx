// The briefing with each claim marked by its state: underline style, colour and a marker, focusable and clickable.
import { memo } from "react";
import type { ClaimState } from "@/core/review/claim-state.ts";
import { splitBlocksAtRanges } from "@/core/highlight/split-blocks-at-ranges.ts";
import type { Block } from "@/core/text/types.ts";
import { DocumentBody } from "../document-body.tsx";
import { STATE_LABEL } from "./claim-words.ts";

/** A claim's span in the briefing and its state. */
export interface BriefingClaim {
  id: string;
  start: number;
  end: number;
  state: ClaimState;
}

interface Props {
  text: string;
  blocks: Block[];
  claims: BriefingClaim[];
  /** Only these claims (a state filter, a search) are shown in full; blocks without one are folded away. */
  shownIds: ReadonlySet<string> | null;
}

/** The briefing document; clicks and keys are handled by the reader through `data-claim-id`. */
export const BriefingBody = memo(function BriefingBody({ text, blocks, claims, shownIds }: Props) {
  const stateOf = new Map(claims.map((c) => [c.id, c.state]));
  const pieces = splitBlocksAtRanges(blocks, claims);
  const shown = shownIds
    ? blocks.flatMap((b, i) => (b.kind === "heading" || pieces[i].some((p) => p.ids.some((id) => shownIds.has(id))) ? [i] : []))
    : null;
  const shownBlocks = shown ? shown.map((i) => blocks[i]) : blocks;
  const shownPieces = shown ? shown.map((i) => pieces[i]) : pieces;
  return (
    <DocumentBody
      text={text}
      blocks={shownBlocks}
      pieces={shownPieces}
      renderMarked={(piece, content) => {
        const id = piece.ids[0];
        const state = stateOf.get(id) ?? "unreviewed";
        return (
          <span
            className="claim"
            data-claim-id={id}
            data-state={state}
            data-dim={shownIds && !shownIds.has(id) ? "" : undefined}
            role="button"
            tabIndex={0}
            aria-description={STATE_LABEL[state].label}
          >
            {content}
          </span>
        );
      }}
    />
  );
});
