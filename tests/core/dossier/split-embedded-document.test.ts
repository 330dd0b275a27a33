import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { splitEmbeddedDocument } from "@/core/dossier/split-embedded-document.ts";

const post = readFileSync("examples/fentanyl-crisis/seed-post.txt", "utf8");

describe("splitEmbeddedDocument", () => {
  const cases = [
    {
      name: "cuts the middle lines out",
      input: ["Title\n\nIntro.\n\nPasted: x\nbody\n\nFooter\nmore", "Pasted:", "Footer"] as const,
      expected: { host: "Title\n\nIntro.\n\nFooter\nmore", embedded: "Pasted: x\nbody" },
    },
    {
      name: "runs to the end of the text when the end line is missing",
      input: ["a\nb: start\nc", "b:", "nowhere"] as const,
      expected: { host: "a", embedded: "b: start\nc" },
    },
    {
      name: "matches a line's text after its indentation only",
      input: ["x Briefing: no\n  Briefing: yes\nend", "Briefing:", "end"] as const,
      expected: { host: "x Briefing: no\n\nend", embedded: "Briefing: yes" },
    },
  ];
  for (const { name, input, expected } of cases) {
    it(name, () => expect(splitEmbeddedDocument(input[0], input[1], input[2])).toEqual(expected));
  }

  it("returns null when the start line is not there", () => {
    expect(splitEmbeddedDocument("a\nb", "c")).toBeNull();
  });

  it("refuses a blank start marker", () => {
    expect(() => splitEmbeddedDocument("a", " ")).toThrow(RangeError);
  });

  it("separates the example post from the briefing pasted into it, losing no line", () => {
    const split = splitEmbeddedDocument(post, "Briefing Document:", "Leave a comment");
    expect(split).not.toBeNull();
    const { host, embedded } = split!;
    expect(host.replace(/\s/g, " ").startsWith("Fentanyl Crisis: US Military Response and Consequences")).toBe(true);
    expect(host).toContain("Mexico’s president Sheinbaum seems to think so too");
    expect(host).toContain("Leave a comment\n\nAbout Me");
    expect(host).not.toContain("140 analysts");
    expect(embedded.startsWith("Briefing Document: US-Mexico Relations")).toBe(true);
    expect(embedded.trimEnd().endsWith("Potential for legal challenges and diplomatic friction.")).toBe(true);
    const lines = (s: string) => s.split("\n").map((l) => l.trim()).filter(Boolean);
    expect([...lines(host), ...lines(embedded)].sort()).toEqual(lines(post).sort());
  });
});
