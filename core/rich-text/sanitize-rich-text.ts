// Reduces any value claiming to be a rich-text document to the nodes and marks Attest shows, safely.
import { isSafeRichTextHref, type RichTextMark, type RichTextNode } from "./rich-text-node.ts";

const CONTAINERS = new Set(["doc", "paragraph", "bulletList", "orderedList", "listItem"]);
/** Deepest nesting kept; anything below is dropped (stored bodies are validated far shallower). */
const MAX_DEPTH = 40;

/**
 * The safe part of `value`: known nodes with their children, text as strings, marks limited to
 * bold, italic, code and links, and links only where `isSafeRichTextHref` allows their href —
 * an unsafe link keeps its text, unlinked. Unknown nodes keep the text inside them; attributes
 * other than a link's href, a mention's id and label and a list's start are dropped. Never throws.
 */
export function sanitizeRichText(value: unknown): RichTextNode {
  const content = clean(value, 0);
  const doc = content.length === 1 && content[0].type === "doc" ? content[0] : { type: "doc" as const, content };
  return doc;
}

function clean(value: unknown, depth: number): RichTextNode[] {
  if (depth > MAX_DEPTH || typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const node = value as Record<string, unknown>;
  const type = node.type;
  if (type === "text") {
    if (typeof node.text !== "string" || node.text === "") return [];
    const marks = cleanMarks(node.marks);
    return [marks.length ? { type: "text", text: node.text, marks } : { type: "text", text: node.text }];
  }
  if (type === "hardBreak") return [{ type: "hardBreak" }];
  if (type === "mention") {
    const attrs = (node.attrs ?? {}) as Record<string, unknown>;
    const label = typeof attrs.label === "string" ? attrs.label : "";
    if (!label) return [];
    return [{ type: "mention", attrs: { id: typeof attrs.id === "string" ? attrs.id : "", label } }];
  }
  const children = Array.isArray(node.content) ? node.content.flatMap((child) => clean(child, depth + 1)) : [];
  if (typeof type !== "string" || !CONTAINERS.has(type)) return children;
  if (type === "orderedList") {
    const start = (node.attrs as { start?: unknown } | undefined)?.start;
    return [{ type, ...(Number.isSafeInteger(start) && (start as number) >= 0 ? { attrs: { start: start as number } } : {}), content: children }];
  }
  return [{ type: type as "doc" | "paragraph" | "bulletList" | "listItem", content: children }];
}

function cleanMarks(value: unknown): RichTextMark[] {
  if (!Array.isArray(value)) return [];
  const marks: RichTextMark[] = [];
  for (const mark of value) {
    const type = (mark as { type?: unknown } | null)?.type;
    if ((type === "bold" || type === "italic" || type === "code") && !marks.some((m) => m.type === type)) marks.push({ type });
    if (type === "link" && !marks.some((m) => m.type === "link")) {
      const href = (mark as { attrs?: { href?: unknown } }).attrs?.href;
      if (typeof href === "string" && isSafeRichTextHref(href)) marks.push({ type: "link", attrs: { href } });
    }
  }
  return marks;
}
