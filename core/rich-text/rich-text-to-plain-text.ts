// Flattens a rich-text document to plain text, for search and for the activity log.
import type { RichTextNode } from "./rich-text-node.ts";

const BLOCKS = new Set(["paragraph", "listItem", "bulletList", "orderedList"]);

/** The document's text: blocks on their own lines, mentions as `@label`, no markup. */
export function richTextToPlainText(node: RichTextNode): string {
  return collect(node).replace(/\n{3,}/g, "\n\n").trim();
}

function collect(node: RichTextNode): string {
  switch (node.type) {
    case "text":
      return node.text;
    case "hardBreak":
      return "\n";
    case "mention":
      return `@${node.attrs.label}`;
    default: {
      const inner = (node.content ?? []).map(collect).join("");
      return BLOCKS.has(node.type) ? `${inner}\n` : inner;
    }
  }
}
