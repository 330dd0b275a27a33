// Finds where a claim and a span about the same thing disagree: numbers, dates, names, negation.
import type { Mismatch } from "./types.ts";
import type { WordToken } from "./tokenize-words.ts";

const MONTHS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]);
// How far (in tokens) a negation cue reaches forward to the word it negates.
const NEGATION_REACH = 4;

const isYear = (t: WordToken) => t.isNumber && /^\d{4}$/.test(t.key) && +t.key >= 1000 && +t.key <= 2100;
const isMonth = (t: WordToken) => MONTHS.has(t.lower);
const isNameToken = (t: WordToken) => t.isCapitalized && !t.isStop && !t.isNumber && !isMonth(t);

/** The nearest content word after token `i` (skipping numbers), as a key, within `reach` tokens. */
function nextContent(tokens: readonly WordToken[], i: number, reach = 3): WordToken | undefined {
  for (let j = i + 1; j < tokens.length && j <= i + reach; j++) if (!tokens[j].isStop && !tokens[j].isNumber) return tokens[j];
  return undefined;
}

function previousContent(tokens: readonly WordToken[], i: number, reach = 3): WordToken | undefined {
  for (let j = i - 1; j >= 0 && j >= i - reach; j--) if (!tokens[j].isStop && !tokens[j].isNumber) return tokens[j];
  return undefined;
}

const slice = (text: string, a: WordToken, b: WordToken) => text.slice(a.start, b.end);
const AUXILIARIES = new Set(["do", "does", "did", "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "should", "can", "may", "might", "must"]);
const PARTICLES = new Set(["out", "up", "off", "down", "in", "on", "away", "over", "back"]);

/** Widens a negated phrase to its auxiliary and particle: "did not rule out". */
function negatedPhrase(side: Side, cue: number, head: number): string {
  const before = side.tokens[cue - 1];
  const after = side.tokens[head + 1];
  const from = before && AUXILIARIES.has(before.lower) ? before : side.tokens[cue];
  const to = after && PARTICLES.has(after.lower) ? after : side.tokens[head];
  return slice(side.text, from, to);
}

function numberMismatches(claim: Side, span: Side): Mismatch[] {
  const out: Mismatch[] = [];
  const spanKeys = new Set(span.tokens.filter((t) => t.isNumber).map((t) => t.key));
  claim.tokens.forEach((t, i) => {
    if (!t.isNumber || isYear(t) || spanKeys.has(t.key)) return;
    const unit = nextContent(claim.tokens, i);
    if (!unit) return;
    span.tokens.forEach((s, j) => {
      if (!s.isNumber || isYear(s) || s.key === t.key || out.some((m) => m.claim.startsWith(t.text))) return;
      const spanUnit = nextContent(span.tokens, j);
      if (spanUnit?.key === unit.key) {
        out.push({ kind: "number", claim: slice(claim.text, t, unit), source: slice(span.text, s, spanUnit) });
      }
    });
  });
  return out;
}

function dateMismatches(claim: Side, span: Side): Mismatch[] {
  const out: Mismatch[] = [];
  const claimYears = claim.tokens.filter(isYear);
  const spanYears = span.tokens.filter(isYear);
  const claimYearKeys = new Set(claimYears.map((t) => t.key));
  const spanYearKeys = new Set(spanYears.map((t) => t.key));
  const onlyClaim = claimYears.filter((t) => !spanYearKeys.has(t.key));
  const onlySpan = spanYears.filter((t) => !claimYearKeys.has(t.key));
  if (onlyClaim.length > 0 && onlySpan.length > 0) out.push({ kind: "date", claim: onlyClaim[0].text, source: onlySpan[0].text });
  // "October 20" against "October 21": the same month with another day.
  claim.tokens.forEach((t, i) => {
    const day = claim.tokens[i + 1];
    if (!isMonth(t) || !day?.isNumber || isYear(day)) return;
    span.tokens.forEach((s, j) => {
      const spanDay = span.tokens[j + 1];
      if (s.lower === t.lower && spanDay?.isNumber && !isYear(spanDay) && spanDay.key !== day.key) {
        out.push({ kind: "date", claim: slice(claim.text, t, day), source: slice(span.text, s, spanDay) });
      }
    });
  });
  return out;
}

/** Runs of consecutive name tokens, as [first, last] token indices. */
function nameGroups(tokens: readonly WordToken[]): [number, number][] {
  const groups: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isNameToken(tokens[i])) continue;
    let j = i;
    while (j + 1 < tokens.length && isNameToken(tokens[j + 1]) && tokens[j + 1].start - tokens[j].end <= 1) j++;
    groups.push([i, j]);
    i = j;
  }
  return groups;
}

// A name of the claim absent from the span, where the span has another name in the same slot
// (the same content word just before or just after it): "director Mendes" against "director Nolan".
function nameMismatches(claim: Side, span: Side): Mismatch[] {
  const out: Mismatch[] = [];
  const spanKeys = new Set(span.tokens.map((t) => t.key));
  const claimKeys = new Set(claim.tokens.map((t) => t.key));
  const spanGroups = nameGroups(span.tokens).filter(([a, b]) => span.tokens.slice(a, b + 1).every((t) => !claimKeys.has(t.key)));
  for (const [a, b] of nameGroups(claim.tokens)) {
    if (claim.tokens.slice(a, b + 1).some((t) => spanKeys.has(t.key))) continue;
    const before = previousContent(claim.tokens, a, 2);
    const after = nextContent(claim.tokens, b, 2);
    for (const [c, d] of spanGroups) {
      const spanBefore = previousContent(span.tokens, c, 2);
      const spanAfter = nextContent(span.tokens, d, 2);
      const sameSlot =
        (before && !isNameToken(before) && spanBefore?.key === before.key) || (after && !isNameToken(after) && spanAfter?.key === after.key);
      if (sameSlot) {
        out.push({ kind: "name", claim: slice(claim.text, claim.tokens[a], claim.tokens[b]), source: slice(span.text, span.tokens[c], span.tokens[d]) });
        break;
      }
    }
  }
  return out;
}

/** The words negated in `side` (the first content word after each negation cue), by key, with the negated phrase. */
function negatedWords(side: Side): Map<string, string> {
  const out = new Map<string, string>();
  side.tokens.forEach((t, i) => {
    if (!t.isNegation) return;
    for (let j = i + 1; j < side.tokens.length && j <= i + NEGATION_REACH; j++) {
      const head = side.tokens[j];
      if (head.isStop || head.isNumber) continue;
      out.set(head.key, negatedPhrase(side, i, j));
      break;
    }
  });
  return out;
}

function negationMismatches(claim: Side, span: Side): Mismatch[] {
  const out: Mismatch[] = [];
  const claimNegated = negatedWords(claim);
  const spanNegated = negatedWords(span);
  const plain = (side: Side, key: string, negated: Map<string, string>) => {
    if (negated.has(key)) return undefined;
    const i = side.tokens.findIndex((t) => t.key === key);
    if (i < 0) return undefined;
    const next = side.tokens[i + 1];
    return next && PARTICLES.has(next.lower) ? slice(side.text, side.tokens[i], next) : side.tokens[i].text;
  };
  for (const [key, phrase] of claimNegated) {
    const found = plain(span, key, spanNegated);
    if (found) out.push({ kind: "negation", claim: phrase, source: found });
  }
  for (const [key, phrase] of spanNegated) {
    const found = plain(claim, key, claimNegated);
    if (found) out.push({ kind: "negation", claim: found, source: phrase });
  }
  return out;
}

/** One side of a comparison: the tokens of a text and the text they index into. */
export interface Side {
  text: string;
  tokens: readonly WordToken[];
}

/**
 * Lists the disagreements between `claim` and `span`, assuming the span is about the same thing
 * (the caller only asks for spans that cover enough of the claim). Each mismatch gives both values.
 */
export function findMismatches(claim: Side, span: Side): Mismatch[] {
  return [...numberMismatches(claim, span), ...dateMismatches(claim, span), ...nameMismatches(claim, span), ...negationMismatches(claim, span)];
}
