// Shows how a span's text changed, word by word, for a reviewer re-checking it.
import DiffMatchPatch from "diff-match-patch";

/** One run of the diff: text both have, text only the new one has, or text only the old one had. */
export interface WordChange {
  op: "equal" | "insert" | "delete";
  text: string;
}

const TOKEN = /\s+|[^\s]+/g;

/**
 * The word-level diff of `oldText` into `newText`: words and runs of spaces are the units, so a
 * changed word shows whole, never as a few changed letters. Adjacent runs of one kind are merged;
 * joining the equal and deleted runs gives `oldText`, the equal and inserted runs `newText`.
 */
export function diffWords(oldText: string, newText: string): WordChange[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const symbols: string[] = [""];
  const codes = new Map<string, string>();
  const encode = (text: string) =>
    (text.match(TOKEN) ?? [])
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) {
          code = String.fromCharCode(symbols.length);
          codes.set(token, code);
          symbols.push(token);
        }
        return code;
      })
      .join("");
  const diffs = dmp.diff_main(encode(oldText), encode(newText), false);
  dmp.diff_cleanupSemantic(diffs);
  const changes: WordChange[] = [];
  for (const [op, chars] of diffs) {
    let text = "";
    for (let i = 0; i < chars.length; i += 1) text += symbols[chars.charCodeAt(i)];
    const kind = op === 0 ? "equal" : op === 1 ? "insert" : "delete";
    const last = changes[changes.length - 1];
    if (last && last.op === kind) last.text += text;
    else if (text) changes.push({ op: kind, text });
  }
  return changes;
}
