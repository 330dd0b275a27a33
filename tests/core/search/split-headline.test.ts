import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, splitHeadline } from "@/core/search/split-headline.ts";

const m = (text: string) => `${MATCH_START}${text}${MATCH_END}`;

describe("splitHeadline", () => {
  const cases = [
    { name: "plain text", input: "no match here", expected: [{ text: "no match here", match: false }] },
    {
      name: "a match inside text",
      input: `the ${m("analysts")} said`,
      expected: [
        { text: "the ", match: false },
        { text: "analysts", match: true },
        { text: " said", match: false },
      ],
    },
    {
      name: "adjacent matches merged",
      input: `${m("border")}${m("security")} rose`,
      expected: [
        { text: "bordersecurity", match: true },
        { text: " rose", match: false },
      ],
    },
    { name: "an unbalanced end marker dropped", input: `a${MATCH_END}b`, expected: [{ text: "ab", match: false }] },
    { name: "markup kept as text", input: `<b>${m("x")}</b>`, expected: [{ text: "<b>", match: false }, { text: "x", match: true }, { text: "</b>", match: false }] },
    { name: "nothing", input: "", expected: [] },
  ];
  for (const { name, input, expected } of cases) it(`reads ${name}`, () => expect(splitHeadline(input)).toEqual(expected));
});
