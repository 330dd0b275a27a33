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

/** A word that is neither a name word nor a function word inside a name: it ends any run. */
export const NO_NAME_WORD: AcronymWord = { text: "", key: "", isNameWord: false, joined: false };

/** Whether a lower-case word may stand inside a name without ending it ("of" in "Bank of England"). */
export function isNameGlue(lower: string): boolean {
  return GLUE.has(lower);
}

/** A reader fed words in text order; `finish` returns the acronyms of its runs of name words. */
export function readAcronyms(): { push(word: AcronymWord): void; finish(): Acronym[] } {
  const out: Acronym[] = [];
  // The run's words, function words included; `glue` holds a function word until a name word follows it.
  let run: AcronymWord[] = [];
  let glue: AcronymWord | undefined;
  const close = () => {
    if (run.length === 0) return;
    const names = run.filter((w) => w.isNameWord);
    if (names.length >= MIN_ACRONYM_WORDS) {
      const words = [...new Set(names.map((w) => w.key))];
      // Initials without accents, as keys are ("École Normale Supérieure" → "ens").
      const initials = (ws: AcronymWord[]) => stemWord(ws.map((w) => w.text[0].normalize("NFD")[0]).join("").toLowerCase());
      out.push({ key: initials(names), words });
      // Some acronyms keep a function word's initial ("TfGM", "DoD"), most drop it ("SACTWU").
      if (names.length < run.length) out.push({ key: initials(run), words });
    }
    run = [];
    glue = undefined;
  };
  return {
    push(word) {
      if (!word.joined) close();
      if (word.isNameWord) {
        if (glue) run.push(glue);
        run.push(word);
        glue = undefined;
      } else if (run.length > 0 && !glue && GLUE.has(word.text.toLowerCase())) glue = word;
      else close();
    },
    finish() {
      close();
      return out;
    },
  };
}
