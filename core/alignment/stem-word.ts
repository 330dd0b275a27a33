// Reduces an English word to its Porter2 stem, memoised because texts repeat words.
import porterStem from "wink-eng-lite-web-model/dist/porter-stemmer.js";

const cache = new Map<string, string>();

/** Returns the Porter2 stem of a lower-case word ("nominated" → "nomin"), memoised. */
export function stemWord(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = word.length < 3 ? word : porterStem(word);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
