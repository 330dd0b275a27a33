// Decides whether a link target may be kept in an imported document.

/** Link schemes a document may keep; anything else (javascript:, data:, relative…) is dropped. */
export const ALLOWED_LINK_SCHEMES = ["http", "https", "mailto"] as const;

/**
 * True when `href` is an absolute http, https or mailto URL. Relative and protocol-relative
 * links are refused because an imported document has no base to resolve them against.
 */
export function isAllowedHref(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  return (ALLOWED_LINK_SCHEMES as readonly string[]).includes(scheme) && (scheme === "mailto" || url.hostname !== "");
}
