// Specification of the plain-text importer: titles, headings, list items and paragraphs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importPlainText } from "@/core/import/import-plain-text.ts";
import type { TextDocument } from "@/core/text/types.ts";

/** A document as `[kind(level|depth), text]` rows, for readable expectations. */
const outline = (doc: TextDocument) =>
  doc.blocks.map((b) => [b.kind + (b.level !== undefined ? b.level : "") + (b.depth !== undefined ? b.depth : ""), doc.text.slice(b.start, b.end)]);

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/text/${name}`, import.meta.url), "utf8");

describe("importPlainText", () => {
  it.each([
    {
      name: "takes the first line as the title",
      input: "My Post\n\nBody text here.",
      expected: [["heading1", "My Post"], ["paragraph", "Body text here."]],
    },
    {
      name: "does not take a first line ending with a full stop as the title",
      input: "Just a sentence.\nAnd more.",
      expected: [["paragraph", "Just a sentence.\nAnd more."]],
    },
    {
      name: "reads bullets of every kind as list items without their markers",
      input: "T\n\n• one\n· two\n- three\n* four\n– five\n1. six\n2) seven",
      expected: [["heading1", "T"], ["listItem0", "one"], ["listItem0", "two"], ["listItem0", "three"], ["listItem0", "four"], ["listItem0", "five"], ["listItem0", "six"], ["listItem0", "seven"]],
    },
    {
      name: "nests list items by indentation",
      input: "T\n\n- a\n  - b\n\t- c\n    - d\n  - e\n- f",
      expected: [["heading1", "T"], ["listItem0", "a"], ["listItem1", "b"], ["listItem2", "c"], ["listItem2", "d"], ["listItem1", "e"], ["listItem0", "f"]],
    },
    {
      name: "continues a list item with a more indented line",
      input: "T\n\n- first part\n  continued here\n- next",
      expected: [["heading1", "T"], ["listItem0", "first part continued here"], ["listItem0", "next"]],
    },
    {
      name: "reads short title-like lines on their own as headings",
      input: "T\n\nExecutive Summary:\n\nText follows here.\n\nLeave a comment\n\nAbout Me\n\nI write.",
      expected: [["heading1", "T"], ["heading2", "Executive Summary:"], ["paragraph", "Text follows here."], ["heading2", "Leave a comment"], ["heading2", "About Me"], ["paragraph", "I write."]],
    },
    {
      name: "reads a title-like line right before a list as a heading",
      input: "T\n\nKey Quotes:\n• “Yes.” – Someone",
      expected: [["heading1", "T"], ["heading2", "Key Quotes:"], ["listItem0", "“Yes.” – Someone"]],
    },
    {
      name: "does not read a quotation or a lowercase line as a heading",
      input: "T\n\n“Stop”\n\nnot a heading",
      expected: [["heading1", "T"], ["paragraph", "“Stop”"], ["paragraph", "not a heading"]],
    },
    {
      name: "keeps line breaks in a paragraph but joins wrapped lines",
      input: "T\n\nFirst line of a sentence that\nwraps here. Then\nA new line.",
      expected: [["heading1", "T"], ["paragraph", "First line of a sentence that wraps here. Then\nA new line."]],
    },
    {
      name: "keeps a marker alone on its line as text",
      input: "T\n\n-\n\n•",
      expected: [["heading1", "T"], ["paragraph", "-"], ["paragraph", "•"]],
    },
    {
      name: "does not read negative numbers or years as list markers",
      input: "T\n\n-1.00 is negative\n\n1846. The war began.",
      expected: [["heading1", "T"], ["paragraph", "-1.00 is negative"], ["paragraph", "1846. The war began."]],
    },
    {
      name: "treats CRLF like LF and ignores a BOM",
      input: "\ufeffTitle\r\n\r\nBody.\r\n",
      expected: [["heading1", "Title"], ["paragraph", "Body."]],
    },
  ])("$name", ({ input, expected }) => {
    expect(outline(importPlainText(input))).toEqual(expected);
  });

  it("reads the example post into its title, headings, list items and paragraphs", () => {
    const doc = importPlainText(fixture("seed-post.txt"));
    expect(doc.title).toBe("Fentanyl Crisis: US Military Response and Consequences");
    const rows = outline(doc);
    const headings = rows.filter(([kind]) => kind.startsWith("heading")).map(([kind, text]) => `${kind} ${text}`);
    expect(headings).toEqual([
      "heading1 Fentanyl Crisis: US Military Response and Consequences",
      "heading2 Briefing Document: US-Mexico Relations and the War on Cartels (February 2025)",
      "heading2 Executive Summary:",
      "heading2 Key Themes and Information:",
      "heading2 Key Quotes:",
      "heading2 Potential Implications:",
      "heading2 Leave a comment",
      "heading2 About Me",
    ]);
    expect(rows.filter(([kind]) => kind === "listItem0")).toHaveLength(23 + 5 + 4);
    expect(rows.filter(([kind]) => kind === "paragraph")).toHaveLength(5);
    expect(rows).toContainEqual(["listItem0", "Creation of a special intelligence task force (140 analysts) to analyze surveillance data."]);
    expect(rows).toContainEqual(["listItem0", "“All options are on the table,” – Defense Secretary Pete Hegseth"]);
  });

  it("loses no visible character of the example post", () => {
    const input = fixture("seed-post.txt");
    const doc = importPlainText(input);
    const visible = (s: string) => s.replace(/^[ \t]*• /gm, "").replace(/\s+/g, "");
    expect(visible(doc.text)).toBe(visible(input));
  });

  it("keeps every naughty string's visible text", () => {
    const strings: string[] = JSON.parse(fixture("blns.json"));
    const marker = /^(?:[•·▪◦‣●○■□➢➤►]\s*|(?:[-*–—]|\d{1,3}[.)])\s+)(?=\S)/gmu;
    const visible = (s: string) =>
      s
        .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, "")
        .replace(/\r\n?|\u0085|\u2028|\u2029/g, "\n")
        .replace(marker, "")
        .normalize("NFC")
        .replace(/\s+/gu, "");
    for (const s of strings) {
      const doc = importPlainText(s);
      expect(visible(doc.text), JSON.stringify(s)).toBe(visible(s));
    }
  });

  it("gives the same text, blocks and hash for the same input", () => {
    const input = fixture("seed-post.txt");
    expect(importPlainText(input)).toEqual(importPlainText(input));
    expect(importPlainText(input.replace(/\n/g, "\r\n")).hash).toBe(importPlainText(input).hash);
  });
});
