// The rich text of annotations: the subset of Tiptap's JSON document model Attest stores and shows.

/** A mark on a run of text. */
export type RichTextMark =
  | { type: "bold" }
  | { type: "italic" }
  | { type: "code" }
  | { type: "link"; attrs: { href: string } };

/** A node of a rich-text document (Tiptap JSON). */
export type RichTextNode =
  | { type: "doc"; content?: RichTextNode[] }
  | { type: "paragraph"; content?: RichTextNode[] }
  | { type: "bulletList"; content?: RichTextNode[] }
  | { type: "orderedList"; attrs?: { start?: number }; content?: RichTextNode[] }
  | { type: "listItem"; content?: RichTextNode[] }
  | { type: "hardBreak" }
  | { type: "mention"; attrs: { id: string; label: string } }
  | { type: "text"; text: string; marks?: RichTextMark[] };

/** Link targets a stored body may carry. */
export const RICH_TEXT_LINK_PROTOCOLS = ["http:", "https:", "mailto:"] as const;

/** Whether `href` is an absolute http, https or mailto URL. */
export function isSafeRichTextHref(href: string): boolean {
  try {
    return (RICH_TEXT_LINK_PROTOCOLS as readonly string[]).includes(new URL(href).protocol);
  } catch {
    return false;
  }
}
