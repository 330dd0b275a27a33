// Finds the claims of a briefing: each sentence of each bullet or paragraph, with its section and topic.
import { splitSentences } from "../segment/split-sentences.ts";
import type { Block, TextDocument } from "../text/types.ts";
import type { ClaimKind, ExtractedClaim } from "./extracted-claim.ts";
import { readQuotation } from "./read-quotation.ts";

/** Longest topic label, in words. */
export const MAX_TOPIC_WORDS = 12;

/** Small words a title-case label may leave in lowercase. */
const MINOR_WORDS = new Set(["a", "an", "the", "and", "or", "of", "for", "to", "in", "on", "at", "by", "as", "about", "with", "from", "into", "vs", "vs.", "de", "la", "del"]);
/** A label is the text before the block's first colon, when that colon is followed by more text. */
const LABEL = /^([^:\n]{2,120}?)\s*:\s*(?=\S)/u;
/** A figure: digits standing alone (not part of a name like "U-2s" or "RC-135"). */
const FIGURE = /(?<![\p{L}\p{N}-])[$€£]?\d[\d,.]*(?:%|\s?percent)?(?![\p{L}\p{N}])|(?<![\p{L}\p{N}-])\d+(?:st|nd|rd|th|s)\b/u;
/** Quantity words that carry a figure on their own. */
const QUANTITY_WORDS = /\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|percent|twice|tripled|doubled)\b/iu;
/** Pronouns that stand for the speaker named just before. */
const PRONOUNS = new Set(["he", "she", "they", "it", "we"]);

/**
 * Extracts the claims of a briefing, in document order.
 *
 * - Every paragraph, list item and block quote gives one claim per sentence (see
 *   `splitSentences`); headings and code give none.
 * - A claim's section is the text of the last heading before it, without a final colon, except
 *   the document's title (a level-1 heading that opens the document), which is no section.
 * - A title-case label before a colon at the start of a block ("Fentanyl Focus:The primary…") is
 *   a topic, not part of any claim; the topic carries over to the following blocks of the same
 *   section until another label appears.
 * - Kind: `quote` when the claim is a quotation, alone or with its attribution ("– U.S. Official",
 *   "…,” he said"); else `number` when it holds a figure (140, 10,000, 1846, 3.5%) or a quantity
 *   word (thousands, half); else `statement`. A claim holding a quotation gets `quote`; a quote
 *   claim gets the `speaker` it is attributed to, a pronoun standing for the name that opens the
 *   claim before it in the same block.
 */
export function extractClaims(doc: TextDocument): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  let section: string | null = null;
  let topic: string | null = null;
  doc.blocks.forEach((block, index) => {
    if (block.kind === "heading") {
      const isTitle = index === 0 && (block.level ?? 1) === 1;
      if (!isTitle) section = doc.text.slice(block.start, block.end).replace(/\s*:\s*$/, "");
      topic = null;
      return;
    }
    if (block.kind === "code") return;
    let start = block.start;
    const label = findTopicLabel(doc.text, block);
    if (label) {
      topic = label.topic;
      start = label.end;
    }
    let previousName: string | null = null;
    for (const sentence of splitSentences(doc.text, { start, end: block.end })) {
      const claim = readClaim(doc.text, sentence.start, sentence.end, previousName);
      claims.push({ ...claim, section, topic, order: claims.length });
      previousName = leadingName(claim.text) ?? claim.speaker ?? null;
    }
  });
  return claims;
}

/** The claim `text.slice(start, end)` as `extractClaims` reads it (kind, quotation, speaker), section and topic aside. */
export function readClaim(text: string, start: number, end: number, previousName: string | null): Omit<ExtractedClaim, "section" | "topic" | "order"> {
  const claimText = text.slice(start, end);
  const quotation = readQuotation(text, start, end);
  let kind: ClaimKind = "statement";
  if (quotation?.wholeClaim) kind = "quote";
  else if (FIGURE.test(claimText) || QUANTITY_WORDS.test(claimText)) kind = "number";
  const claim: Omit<ExtractedClaim, "section" | "topic" | "order"> = { start, end, text: claimText, kind };
  if (quotation) {
    claim.quote = { text: quotation.text, start: quotation.start, end: quotation.end };
    if (kind === "quote" && quotation.speaker) {
      claim.speaker = PRONOUNS.has(quotation.speaker.toLowerCase()) && previousName ? previousName : quotation.speaker;
    }
  }
  return claim;
}

/** The topic label opening a block, and where the claim text after it starts. */
function findTopicLabel(text: string, block: Block): { topic: string; end: number } | null {
  const match = LABEL.exec(text.slice(block.start, Math.min(block.end, block.start + 160)));
  if (!match) return null;
  const label = match[1].trim();
  if (/[.!?“”"«»]/.test(label)) return null;
  const words = label.split(/\s+/);
  if (words.length > MAX_TOPIC_WORDS) return null;
  const titleCase = words.every((word, i) => {
    const bare = word.replace(/^[(\["'‘]+/, "");
    return /^[\p{Lu}\p{N}]/u.test(bare) || (i > 0 && MINOR_WORDS.has(bare.toLowerCase()));
  });
  if (!titleCase) return null;
  return { topic: label, end: block.start + match[0].length };
}

/** The run of capitalised words opening a sentence ("Defense Secretary Pete Hegseth did…"). */
function leadingName(sentence: string): string | null {
  const words = sentence.split(/\s+/);
  const name: string[] = [];
  for (const word of words) {
    if (!/^\p{Lu}/u.test(word)) break;
    name.push(word);
    if (/[,.;:]$/.test(word) && !/^(?:\p{Lu}\.)+$/u.test(word)) break;
  }
  if (name.length < 2) return null;
  return name.join(" ").replace(/[,.;:]$/, "");
}
