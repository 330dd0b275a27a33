// A source's text with its links as <mark>s, built as one HTML string and only rebuilt when the marks change.
import { memo, useMemo, useSyncExternalStore } from "react";
import { renderMarkedHtml, type HtmlMark } from "@/core/highlight/render-marked-html.ts";
import type { Block } from "@/core/text/types.ts";
import { kindRank } from "./claim-words.ts";

/** A link's span in this source and how it is drawn. */
export type SourceMark = HtmlMark;

interface Props {
  text: string;
  blocks: Block[];
  marks: SourceMark[];
  /** Changes exactly when `marks` change in a way that shows (ids, ends, kinds). */
  signature: string;
}

const noSubscription = () => () => {};

/**
 * True while the browser hydrates the server's markup (and on the server itself, where it does
 * not matter), false in any render after.
 */
function useHydrating(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );
}

/**
 * The source as long-form text in `content-visibility` sections. Each mark lists its link ids in
 * `data-links`, so making one link active is a class change on its marks, not a render; the
 * markup is one string, so thousands of marks cost no elements to build or hydrate. While the
 * page hydrates, the markup the server sent is kept as it is (React does not compare inner HTML
 * when it hydrates), so the browser does not build the same megabytes of HTML again; the first
 * change of marks after that sets the new markup in full.
 */
export const SourceBody = memo(
  function SourceBody({ text, blocks, marks, signature }: Props) {
    const reuseServerMarkup = useHydrating() && typeof window !== "undefined";
    const html = useMemo(
      () => (reuseServerMarkup ? "" : renderMarkedHtml(text, blocks, marks, { rank: kindRank, sectionSize: 25 })),
      [text, blocks, signature, reuseServerMarkup], // `signature` stands for `marks`
    );
    return <div className="prose-reading" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: html }} />;
  },
  (a, b) => a.text === b.text && a.blocks === b.blocks && a.signature === b.signature,
);
