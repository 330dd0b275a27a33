// Selects words in the briefing editor as a double click or a drag would.
import type { Page } from "playwright-core";

/** Selects the first occurrence of `words` in the editor's text; false when it is not there. */
export function selectInEditor(page: Page, words: string): Promise<boolean> {
  return page.evaluate((words) => {
    const root = document.querySelector<HTMLElement>("[data-briefing-editor]")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(words);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  }, words);
}
