import { describe, expect, it } from "vitest";
import { diffWords, type WordChange } from "@/core/review/diff-words.ts";

const side = (changes: WordChange[], skip: WordChange["op"]) => changes.filter((c) => c.op !== skip).map((c) => c.text).join("");

describe("diffWords", () => {
  const cases: { name: string; old: string; new: string; expected: WordChange[] }[] = [
    { name: "keeps identical text as one equal run", old: "10,000 troops", new: "10,000 troops", expected: [{ op: "equal", text: "10,000 troops" }] },
    {
      name: "replaces a changed number as a whole word",
      old: "deployed 10,000 troops to the border",
      new: "deployed 12,000 troops to the border",
      expected: [
        { op: "equal", text: "deployed " },
        { op: "delete", text: "10,000" },
        { op: "insert", text: "12,000" },
        { op: "equal", text: " troops to the border" },
      ],
    },
    {
      name: "shows an inserted word",
      old: "troops to the border",
      new: "troops to the southern border",
      expected: [
        { op: "equal", text: "troops to the " },
        { op: "insert", text: "southern " },
        { op: "equal", text: "border" },
      ],
    },
    { name: "deletes everything when the new text is empty", old: "gone now", new: "", expected: [{ op: "delete", text: "gone now" }] },
    { name: "has no runs for two empty texts", old: "", new: "", expected: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const changes = diffWords(c.old, c.new);
      expect(changes).toEqual(c.expected);
      expect(side(changes, "insert")).toBe(c.old);
      expect(side(changes, "delete")).toBe(c.new);
    });
  }
});
