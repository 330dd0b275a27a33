import { describe, expect, it } from "vitest";
import type { RichTextNode } from "@/core/rich-text/rich-text-node.ts";
import { isSafeRichTextHref } from "@/core/rich-text/rich-text-node.ts";
import { richTextToPlainText } from "@/core/rich-text/rich-text-to-plain-text.ts";

const p = (...content: RichTextNode[]): RichTextNode => ({ type: "paragraph", content });
const t = (text: string): RichTextNode => ({ type: "text", text });

describe("richTextToPlainText", () => {
  const cases: { name: string; input: RichTextNode; expected: string }[] = [
    { name: "joins paragraphs with newlines", input: { type: "doc", content: [p(t("One.")), p(t("Two."))] }, expected: "One.\nTwo." },
    { name: "drops marks but keeps their text", input: { type: "doc", content: [p({ type: "text", text: "bold", marks: [{ type: "bold" }] }, t(" move"))] }, expected: "bold move" },
    { name: "writes mentions as @label", input: { type: "doc", content: [p(t("ask "), { type: "mention", attrs: { id: "u1", label: "Ana" } })] }, expected: "ask @Ana" },
    {
      name: "puts list items on their own lines",
      input: { type: "doc", content: [{ type: "bulletList", content: [{ type: "listItem", content: [p(t("a"))] }, { type: "listItem", content: [p(t("b"))] }] }] },
      expected: "a\n\nb",
    },
    { name: "turns hard breaks into newlines", input: { type: "doc", content: [p(t("x"), { type: "hardBreak" }, t("y"))] }, expected: "x\ny" },
    { name: "is empty for an empty document", input: { type: "doc", content: [] }, expected: "" },
  ];
  for (const { name, input, expected } of cases) it(name, () => expect(richTextToPlainText(input)).toBe(expected));
});

describe("isSafeRichTextHref", () => {
  const cases = [
    ["https://example.org/a", true],
    ["http://example.org", true],
    ["mailto:desk@example.org", true],
    ["javascript:alert(1)", false],
    ["JaVaScRiPt:alert(1)", false],
    [" javascript:alert(1)", false],
    ["data:text/html,<script>alert(1)</script>", false],
    ["/relative/path", false],
    ["vbscript:msgbox", false],
  ] as const;
  for (const [href, safe] of cases) it(`${safe ? "allows" : "refuses"} ${JSON.stringify(href)}`, () => expect(isSafeRichTextHref(href)).toBe(safe));
});
