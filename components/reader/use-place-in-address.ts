// Opens the reader at the place its address names: a claim (?claim=ID) or an offset of a document (?document=ID&at=N).
import { useEffect, useRef } from "react";

/** Where the reader should open, as read from its address. */
export interface ReaderPlace {
  claim?: string;
  document?: string;
  at?: number;
}

/** The brief ring a block shows when the reader opens at it. */
const FLASH: Keyframe[] = [{ backgroundColor: "color-mix(in srgb, var(--accent) 22%, transparent)" }, { backgroundColor: "transparent" }];

/**
 * Once, after the first render: focuses the claim (through `selectClaim`), or shows the source
 * tab of the document and scrolls the block holding offset `at` into the middle of its pane
 * with a short flash. Unknown ids are ignored: the reader opens as usual.
 */
export function usePlaceInAddress(
  place: ReaderPlace | undefined,
  options: {
    hasClaim: (claimId: string) => boolean;
    hasSource: (documentId: string) => boolean;
    selectClaim: (claimId: string) => void;
    showSource: (documentId: string) => void;
  },
): void {
  const done = useRef(false);
  const { hasClaim, hasSource, selectClaim, showSource } = options;
  useEffect(() => {
    if (done.current || !place) return;
    done.current = true;
    if (place.claim && hasClaim(place.claim)) {
      selectClaim(place.claim);
      return;
    }
    if (!place.document || place.at === undefined || !Number.isInteger(place.at) || place.at < 0) return;
    if (hasSource(place.document)) showSource(place.document);
    const at = place.at;
    const documentId = place.document;
    // The tab shows on the next frame; the block is looked for after it.
    requestAnimationFrame(() => {
      const container =
        document.querySelector<HTMLElement>(`[data-source-text="${CSS.escape(documentId)}"]`) ??
        document.querySelector<HTMLElement>(`[data-briefing-text="${CSS.escape(documentId)}"]`);
      if (!container) return;
      const block = [...container.querySelectorAll<HTMLElement>("[data-block-start]")].find(
        (el) => Number(el.dataset.blockStart) <= at && at < Number(el.dataset.blockEnd),
      );
      if (!block) return;
      block.scrollIntoView({ block: "center" });
      if (!window.matchMedia("(prefers-reduced-motion: reduce)").matches) block.animate(FLASH, { duration: 1600, easing: "ease-out" });
    });
  }, [place, hasClaim, hasSource, selectClaim, showSource]);
}
