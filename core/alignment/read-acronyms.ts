// Reads the acronyms that multi-word names go by ("Transport for Greater Manchester" → "tfgm") from a stream of words.
import { stemWord } from "./stem-word.ts";

// Function words a name may hold without their initial in its acronym ("Bank of England" → "boe").
const GLUE = new Set(["of", "and", "the", "for", "&", "de", "du", "la", "in", "on"]);
/** Names of fewer capitalised words are too short for their initials to mean anything. */
export const MIN_ACRONYM_WORDS = 3;

/** One word of a text as the acronym reader needs it. */
export interface AcronymWord {
  /** The word as written. */
  text: string;
  /** Its key (what it matches on). */
  key: string;
  /** A name word: capitalised, neither a number nor a function word. */
  isNameWord: boolean;
  /** Only spaces part it from the word before (a comma or a full stop ends a name). */
  joined: boolean;
}

/** An acronym key and the keys of the name words it stands for. */
export interface Acronym {
  key: string;
  words: string[];
}

/** A reader fed words in text order; `finish` returns the acronyms of its runs of name words. */
export function readAcronyms(): { push(word: AcronymWord): void; finish(): Acronym[] } {
  const out: Acronym[] = [];
  let run: AcronymWord[] = [];
  let glued = false;
  const close = () => {
    if (run.length >= MIN_ACRONYM_WORDS) {
      out.push({ key: stemWord(run.map((w) => w.text[0]).join("").toLowerCase()), words: [...new Set(run.map((w) => w.key))] });
    }
    run = [];
    glued = false;
  };
  return {
    push(word) {
      if (!word.joined) close();
      if (word.isNameWord) {
        run.push(word);
        glued = false;
      } else if (run.length > 0 && !glued && GLUE.has(word.text.toLowerCase())) glued = true;
      else close();
    },
    finish() {
      close();
      return out;
    },
  };
}
