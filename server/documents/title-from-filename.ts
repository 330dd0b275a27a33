// Suggests a document title from an uploaded file's name, whatever the name holds.

/**
 * The file name's last path segment (a browser may send a whole path), without its extension,
 * control characters or lone surrogates, spaces collapsed; null when nothing is left.
 */
export function titleFromFilename(filename: string): string | null {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const title = base
    .replace(/\.[a-z0-9]+$/i, "")
    .replace(/\s+/g, " ")
    .replace(/[\p{Cc}\p{Cs}]/gu, "")
    .trim();
  return title === "" ? null : title;
}
