// How the `claim` mark behaves under edits in the editor's own schema, and what a save makes of it.
import { getSchema } from "@tiptap/core";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { describe, expect, it } from "vitest";
import { ClaimMark } from "@/core/briefing/claim-mark.ts";
import { briefingToJson } from "@/core/briefing/briefing-to-json.ts";
import { jsonToBriefing } from "@/core/briefing/json-to-briefing.ts";
import { reconcileClaims } from "@/core/briefing/reconcile-claims.ts";
import { buildTextDocument } from "@/core/import/build-text-document.ts";

const schema = getSchema([StarterKit, ClaimMark]);
const source = buildTextDocument(
  [
    { kind: "paragraph", text: "Troops were sent to the border. Talks went on for weeks." },
    { kind: "listItem", text: "The task force has 140 analysts." },
  ],
  "text",
);
const at = (words: string) => source.text.indexOf(words);
const claims = [
  { id: "troops", start: at("Troops"), end: at(" Talks") },
  { id: "talks", start: at("Talks"), end: at("weeks.") + 6 },
  { id: "force", start: at("The task"), end: source.text.length },
];

/** The editor's state over the briefing, and a way to find a text's document position. */
function open(spans = claims) {
  const state = EditorState.create({ schema, doc: schema.nodeFromJSON(briefingToJson(source.text, source.blocks, spans)) });
  const pos = (words: string) => {
    let found = -1;
    state.doc.descendants((node, p) => {
      if (found < 0 && node.isText && node.text!.includes(words)) found = p + node.text!.indexOf(words);
    });
    if (found < 0) throw new Error(`no "${words}"`);
    return found;
  };
  return { state, pos };
}

/** Types `text` over `[from, to)` as the editor does, then saves: the claims' fates. */
function typeAndSave(state: EditorState, from: number, to: number, text: string) {
  const typed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)).insertText(text));
  const edited = jsonToBriefing(typed.doc.toJSON());
  const result = reconcileClaims(edited.document, edited.claims, claims.map((c) => c.id));
  return { text: edited.document.text, marked: edited.claims, ...result };
}

describe("the claim mark under edits", () => {
  it("lets claims overlap on the same text", () => {
    // "Troops were" and "were sent to the".
    const overlapping = [{ id: "a", start: 0, end: 11 }, { id: "b", start: 7, end: 23 }];
    const doc = schema.nodeFromJSON(briefingToJson(source.text, source.blocks, overlapping));
    expect(doc.nodeAt(1 + 8)!.marks.map((m) => m.attrs.id)).toEqual(["a", "b"]);
    expect(jsonToBriefing(doc.toJSON()).claims).toEqual(overlapping);
  });

  it("keeps a word retyped inside a claim in it", () => {
    const { state, pos } = open();
    const result = typeAndSave(state, pos("sent"), pos("sent") + 4, "moved");
    expect(result.marked.find((c) => c.id === "troops")).toEqual({ id: "troops", start: 0, end: "Troops were moved to the border.".length });
    expect(result.added).toEqual([]);
  });

  it("does not extend a claim with words typed at its end (not inclusive), and the save grows it to its sentence", () => {
    // A claim that stops short of its full stop.
    const { state, pos } = open([{ id: "troops", start: 0, end: at(". Talks") }, ...claims.slice(1)]);
    const end = pos("border") + "border".length;
    const result = typeAndSave(state, end, end, " in March");
    expect(result.text).toContain("to the border in March.");
    expect(result.marked.find((c) => c.id === "troops")!.end).toBe(result.text.indexOf(" in March"));
    expect(result.kept.find((k) => k.id === "troops")!.claim.text).toBe("Troops were sent to the border in March.");
  });

  it.each([
    { name: "its first word", words: "Troops", by: "Soldiers", expected: "Soldiers were sent to the border." },
    { name: "its last word", words: "border.", by: "frontier.", expected: "Troops were sent to the frontier." },
  ])("keeps a claim whole when $name is selected and retyped", ({ words, by, expected }) => {
    const { state, pos } = open();
    const result = typeAndSave(state, pos(words), pos(words) + words.length, by);
    expect(result.kept.find((k) => k.id === "troops")!.claim.text).toBe(expected);
    expect(result.added).toEqual([]);
  });

  it("makes a new claim of a sentence typed right after a claim", () => {
    const { state, pos } = open();
    const end = pos("weeks.") + "weeks.".length;
    const result = typeAndSave(state, end, end, " Nothing was agreed.");
    expect(result.marked.find((c) => c.id === "talks")!.end).toBe(end - 1);
    expect(result.added.map((c) => c.text)).toEqual(["Nothing was agreed."]);
  });

  it("retires a claim whose text is deleted", () => {
    const { state, pos } = open();
    const result = typeAndSave(state, pos("Talks"), pos("weeks.") + 6, "");
    expect(result.retired).toEqual(["talks"]);
    expect(result.added).toEqual([]);
  });
});
