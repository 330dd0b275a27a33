// Specifications of `reanchorAll`: many anchors carried through one diff of an old and a new text.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe as suite, expect, it } from "vitest";
import { describe } from "@/core/anchoring/describe.ts";
import { reanchorAll } from "@/core/anchoring/reanchor-all.ts";
import type { AnchorResult, Selector } from "@/core/anchoring/types.ts";

/** The project's example dossier: a real blog post with a briefing pasted into it. */
const post = readFileSync(path.resolve(import.meta.dirname, "../../../../shared/demo/seed-post.txt"), "utf8");

function selectorsFor(text: string, quote: string, occurrence = 0): Selector[] {
  let start = -1;
  for (let i = 0; i <= occurrence; i += 1) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return describe(text, start, start + quote.length);
}

function textAt(text: string, result: AnchorResult): string | null {
  return result.status === "orphaned" ? null : text.slice(result.start, result.end);
}

const paragraphs = post.split("\n\n");
const quotes = {
  drones: "Covert CIA drone flights over Mexican territory to identify fentanyl labs.",
  sovereignty: "will never tolerate an ‘invasion’ of its national sovereignty by the United States.",
  labs: "Fentanyl labs emit detectable chemicals, making them identifiable from the air.",
  summary: "The Trump administration is intensifying its efforts to combat Mexican drug cartels",
};

suite("reanchorAll", () => {
  const cases: Array<{
    name: string;
    edit: (t: string) => string;
    quote: string;
    expected: { status: AnchorResult["status"]; text?: string };
  }> = [
    { name: "anchors every quote of an unchanged text", edit: (t) => t, quote: quotes.drones, expected: { status: "anchored", text: quotes.drones } },
    {
      name: "re-anchors after an insert before it",
      edit: (t) => "Editor's note: this post was updated on 3 March.\n\n" + t,
      quote: quotes.sovereignty,
      expected: { status: "anchored", text: quotes.sovereignty },
    },
    {
      name: "follows a paragraph moved to the end",
      edit: (t) => {
        const i = paragraphs.findIndex((p) => p.includes(quotes.summary));
        return [...paragraphs.slice(0, i), ...paragraphs.slice(i + 1), paragraphs[i]].join("\n\n");
      },
      quote: quotes.summary,
      expected: { status: "anchored", text: quotes.summary },
    },
    {
      name: "reports changed when a word of the quote was edited",
      edit: (t) => t.replace("detectable chemicals", "distinctive chemicals"),
      quote: quotes.labs,
      expected: { status: "changed", text: "Fentanyl labs emit distinctive chemicals, making them identifiable from the air." },
    },
    {
      name: "orphans a quote that was deleted",
      edit: (t) => t.replace(quotes.labs, ""),
      quote: quotes.labs,
      expected: { status: "orphaned" },
    },
    {
      name: "orphans a quote whose sentence was rewritten",
      edit: (t) => t.replace(quotes.labs, "Chemical traces from the labs can be seen by aircraft."),
      quote: quotes.labs,
      expected: { status: "orphaned" },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const newText = c.edit(post);
      const [result] = reanchorAll(post, newText, [selectorsFor(post, c.quote)]);
      expect(result.status).toBe(c.expected.status);
      if (c.expected.text) expect(textAt(newText, result)).toBe(c.expected.text);
    });
  }

  /** A short document whose middle line is edited; the lines around it stay as they are. */
  const page = (line: string) =>
    `The river authority published its yearly report on Monday morning.\n${line}\nIt will be discussed by the council at the next public meeting in June.\n`;
  const dry = "After a dry summer, the reservoir levels fell below the warning mark twice, officials said.";
  const throughTheDiff: Array<{
    name: string;
    line: string;
    quote: string;
    edited: string;
    expected: { status: AnchorResult["status"]; text?: string };
  }> = [
    {
      name: "keeps an anchor whose prefix and suffix were both rewritten",
      line: dry,
      quote: "the reservoir levels fell",
      edited: "Despite heavy storms in April, the reservoir levels fell to a record low by autumn, according to officials.",
      expected: { status: "anchored", text: "the reservoir levels fell" },
    },
    {
      name: "accepts a quote with several words inserted inside it, beyond the fuzzy budget, as changed",
      line: dry,
      quote: "the reservoir levels fell below the warning mark twice",
      edited: "After a dry summer, the reservoir levels in the north and the east fell below the warning mark twice, officials said.",
      expected: { status: "changed", text: "the reservoir levels in the north and the east fell below the warning mark twice" },
    },
    {
      name: "takes the whole edited quote, not only the part after a word inserted inside it",
      line: "By Dawn Onley - April 3, 2019 House music singing star",
      quote: "Dawn Onley - April",
      edited: "By Dawn localised Onley - April 3, 2019 House music singing star",
      expected: { status: "changed", text: "Dawn localised Onley - April" },
    },
    {
      name: "orphans a quote torn apart by a long insertion",
      line: dry,
      quote: "the reservoir levels fell below",
      edited:
        "After a dry summer, the reservoir and in the hills a great many of the smaller lakes and ponds dried up, while the levels fell below the warning mark twice, officials said.",
      expected: { status: "orphaned" },
    },
    {
      name: "orphans a quote most of whose words were deleted",
      line: dry,
      quote: "the reservoir levels fell below the warning mark",
      edited: "After a dry summer, the reservoir was reported as normal by twice, officials said.",
      expected: { status: "orphaned" },
    },
    {
      name: "does not count the spaces the diff kept as surviving words",
      line: "A EURO 2016 being set aside for future investment.",
      quote: "future investment.",
      edited: "A EURO 2016 being set aside for dictating future Interviews investment.",
      expected: { status: "orphaned" },
    },
    {
      name: "orphans an edited quote that a long insertion cut off from its suffix",
      line: dry,
      quote: "the reservoir levels fell below the warning mark twice",
      edited:
        "After a dry summer, the reservoir levels in the north and the east fell below the warning mark twice and, as the engineers of the authority had long predicted, officials said.",
      expected: { status: "orphaned" },
    },
  ];

  for (const c of throughTheDiff) {
    it(c.name, () => {
      const old = page(c.line);
      const newText = page(c.edited);
      const [result] = reanchorAll(old, newText, [selectorsFor(old, c.quote)]);
      expect(result.status).toBe(c.expected.status);
      if (c.expected.text) expect(textAt(newText, result)).toBe(c.expected.text);
    });
  }

  it("follows a quote too short for a seed to the line it moved with", () => {
    const lines = [
      "Opening remarks by the chair.",
      "The budget, after a long debate in the council chamber, was approved on Tuesday by a clear majority of the members present.",
      "Questions from the floor.",
      "Closing words.",
    ];
    const old = lines.join("\n") + "\n";
    const newText = [lines[0], lines[2], lines[3], lines[1]].join("\n") + "\n";
    const [result] = reanchorAll(old, newText, [selectorsFor(old, "approved on Tuesday")]);
    expect(result).toMatchObject({ status: "anchored", start: newText.indexOf("approved on Tuesday") });
  });

  it("does not take an older copy elsewhere for a deleted passage", () => {
    const line = "The committee will meet again next week to decide.";
    const old = `First report.\n${line}\nSecond report, much later.\n${line}\nEnd.`;
    const newText = old.replace(`${line}\nSecond`, "Second");
    const [result] = reanchorAll(old, newText, [selectorsFor(old, line, 0)]);
    expect(result.status).toBe("orphaned");
  });

  it("keeps each of two identical passages on its own copy", () => {
    const block = "In the spring the river floods the valley and the farmers wait for the water to recede.";
    const old = `${block}\n\n${block}`;
    const newText = `A preface.\n\n${block}\n\nAn aside.\n\n${block}`;
    const results = reanchorAll(old, newText, [selectorsFor(old, "the farmers wait", 0), selectorsFor(old, "the farmers wait", 1)]);
    const first = newText.indexOf("the farmers wait");
    const second = newText.indexOf("the farmers wait", first + 1);
    expect(results).toMatchObject([
      { status: "anchored", start: first },
      { status: "anchored", start: second },
    ]);
  });

  it("anchors selectors whose position no longer fits the old text by their quote", () => {
    const [quote] = selectorsFor(post, quotes.drones);
    const stale: Selector[] = [quote, { type: "TextPositionSelector", start: 0, end: 5 }];
    const [result] = reanchorAll(post, post, [stale]);
    expect(textAt(post, result)).toBe(quotes.drones);
  });

  it("returns one result per entry, in order", () => {
    const newText = post.replace(quotes.labs, "");
    const results = reanchorAll(post, newText, [quotes.drones, quotes.labs, quotes.sovereignty].map((q) => selectorsFor(post, q)));
    expect(results.map((r) => r.status)).toEqual(["anchored", "orphaned", "anchored"]);
  });
});

suite("reanchorAll on a text without line breaks", () => {
  // A long text pasted as one line: the line diff sees one changed block, too large to refine word
  // by word, so it is cut into sentences first.
  const sentences = Array.from({ length: 2500 }, (_, i) => `Sentence ${i + 1} reports ${(i * 7919) % 10007} crossings in district ${i + 1}.`);
  const oldText = sentences.join(" ");
  const newText = ["A new first sentence.", ...sentences.map((s, i) => (i === 599 ? s.replace("crossings", "arrivals") : s)).filter((_, i) => i !== 1499)].join(" ");

  it("moves every anchor whose text survived, reports the edited one changed and orphans the deleted one", () => {
    const results = reanchorAll(oldText, newText, sentences.map((s) => selectorsFor(oldText, s)));
    results.forEach((result, i) => {
      if (i === 599) {
        expect(result).toMatchObject({ status: "changed", oldText: sentences[599], newText: sentences[599].replace("crossings", "arrivals") });
      } else if (i === 1499) {
        expect(result.status).toBe("orphaned");
      } else {
        expect(result.status).toBe("anchored");
        expect(textAt(newText, result)).toBe(sentences[i]);
      }
    });
  });

  it("treats two sentences that traded places as it would on separate lines, and never puts one in a wrong place", () => {
    // Sentences of words drawn at random (a seeded generator), so no two read alike.
    const words = "border report analysts trade security agency talks ministry figures police court budget council harbour railway".split(" ");
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const prose = Array.from({ length: 2500 }, () => {
      const line = Array.from({ length: 8 + Math.floor(next() * 10) }, () => words[Math.floor(next() * words.length)]).join(" ");
      return `${line[0].toUpperCase()}${line.slice(1)}.`;
    });
    const swapped = [...prose];
    [swapped[10], swapped[2000]] = [swapped[2000], swapped[10]];
    const outcome = (separator: string) => {
      const before = prose.join(separator);
      const after = swapped.join(separator);
      return reanchorAll(before, after, prose.map((s) => selectorsFor(before, s))).map((result) => ({ status: result.status, text: textAt(after, result) }));
    };
    const oneLine = outcome(" ");
    expect(oneLine).toEqual(outcome("\n"));
    oneLine.forEach((result, i) => expect(result.text === null || result.text === prose[i]).toBe(true));
    expect(oneLine.filter((r) => r.status === "anchored")).toHaveLength(oneLine.length - oneLine.filter((r) => r.status === "orphaned").length);
    expect(oneLine.filter((r) => r.status === "orphaned").length).toBeLessThanOrEqual(2);
  });
});
