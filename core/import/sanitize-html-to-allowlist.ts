// Keeps only the structure, text and safe links of HTML: for imported documents and for HTML pasted into an editor.
import sanitizeHtml from "sanitize-html";
import { ALLOWED_LINK_SCHEMES } from "./is-allowed-href.ts";

/** Elements that start and end a block of text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "ul", "ol", "blockquote", "pre", "div", "section",
  "article", "main", "header", "footer", "aside", "nav", "figure", "figcaption", "table", "thead",
  "tbody", "tfoot", "tr", "caption", "dl", "dt", "dd", "address", "details", "summary", "hr",
]);

/** Inline elements kept by the sanitiser for their text. */
const INLINE_TAGS = [
  "a", "br", "code", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr",
  "cite", "q", "time", "span", "kbd", "samp", "var", "dfn", "td", "th", "del", "ins",
];

/**
 * The allowlist: structure and text only. Only `href` on links survives, with an http, https or
 * mailto scheme; every other attribute (event handlers, style, src…) is removed; scripts, styles,
 * forms, frames, media and embedded documents are removed with their contents; other unknown
 * elements are unwrapped and their text kept. An image counts as its alt text.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCK_TAGS, ...INLINE_TAGS],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: [...ALLOWED_LINK_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowVulnerableTags: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "title", "iframe", "object", "svg", "math", "head", "select", "frameset"],
  transformTags: {
    img: (_tagName, attribs) => ({ tagName: "span", attribs: {}, text: attribs.alt ?? "" }),
  },
};

/** HTML reduced to the allowlist above: nothing in it can run, load or style anything. */
export function sanitizeHtmlToAllowlist(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}
