// Finds the quotation in a claim, who it is attributed to, and whether the claim is just that.

/** A quotation found in a claim, with offsets into the text it was read from. */
export interface Quotation {
  /** The quoted words, without the quotation marks. */
  text: string;
  start: number;
  end: number;
  /** The attributed speaker as written ("U.S. Official", "he"), if the claim names one. */
  speaker?: string;
  /** True when the claim is the quotation plus at most its attribution. */
  wholeClaim: boolean;
}

/** Quotation mark pairs, outermost style first. */
const PAIRS: [string, string][] = [["“", "”"], ["\"", "\""], ["«", "»"], ["„", "“"]];

/** Verbs that attribute a quotation ("he said", "said Sheinbaum"). */
const SAYING = "said|says|stated|states|added|adds|told|wrote|writes|argued|argues|noted|notes|warned|warns|insisted|insists|declared|declares|explained|explains|asked|asks|replied|replies|claimed|claims";
/** "– Speaker" or "— Speaker" after the quotation, up to a comma or the end. */
const DASH_ATTRIBUTION = /^[,.]?\s*[–—-]\s*([^,]+?)\s*(?:,.*)?[.]?$/u;
/** ", he said." or " said the minister." after the quotation. */
const SAID_AFTER = new RegExp(`^[,.]?\\s*(?:(\\p{L}[\\p{L}.’' -]*?)\\s+(?:${SAYING})|(?:${SAYING})\\s+(\\p{L}[\\p{L}.’' -]*?))\\s*[.]?$`, "u");
/** "Speaker said:" or "Speaker said," before the quotation. */
const SAID_BEFORE = new RegExp(`^(\\p{Lu}[\\p{L}.’' -]*?)\\s+(?:${SAYING})\\s*[:,]?\\s*$`, "u");

/**
 * Reads the first quotation of `text.slice(start, end)`: curly, straight or guillemet quotes.
 * Returns `null` when there is none. The claim counts as a quotation (`wholeClaim`) when all
 * its words are quoted, or quoted and attributed with "– Speaker", "…,” he said" or
 * "Speaker said: “…”".
 */
export function readQuotation(text: string, start: number, end: number): Quotation | null {
  const claim = text.slice(start, end);
  for (const [open, close] of PAIRS) {
    const o = claim.indexOf(open);
    if (o < 0) continue;
    const c = claim.lastIndexOf(close);
    if (c <= o) continue;
    const inner = trimmedSpan(claim, o + open.length, c);
    if (inner.start >= inner.end) continue;
    const before = claim.slice(0, o).trim();
    const after = claim.slice(c + close.length).trim();
    const quotation: Quotation = {
      text: claim.slice(inner.start, inner.end),
      start: start + inner.start,
      end: start + inner.end,
      wholeClaim: false,
    };
    let speaker: string | undefined;
    let attributed = false;
    if (before === "") {
      const dash = DASH_ATTRIBUTION.exec(after);
      const said = SAID_AFTER.exec(after);
      if (after === "" || after === "." || after === ",") attributed = true;
      else if (dash) [attributed, speaker] = [true, dash[1]];
      else if (said) [attributed, speaker] = [true, said[1] ?? said[2]];
    } else if (after === "" || after === ".") {
      const said = SAID_BEFORE.exec(before);
      if (said) [attributed, speaker] = [true, said[1]];
    }
    quotation.wholeClaim = attributed;
    if (speaker !== undefined && speaker.trim() !== "") quotation.speaker = speaker.trim().replace(/[.]$/, "");
    return quotation;
  }
  return null;
}

function trimmedSpan(s: string, from: number, to: number): { start: number; end: number } {
  while (from < to && /\s/.test(s[from])) from++;
  while (to > from && /\s/.test(s[to - 1])) to--;
  return { start: from, end: to };
}
