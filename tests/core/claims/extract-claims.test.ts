// Specification of claim extraction, on the example briefing and on small cases.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractClaims } from "@/core/claims/extract-claims.ts";
import { importPlainText } from "@/core/import/import-plain-text.ts";

const post = readFileSync(new URL("../../fixtures/text/seed-post.txt", import.meta.url), "utf8");
/** The briefing embedded in the example post: from its title line up to "Leave a comment". */
const briefing = importPlainText(post.slice(post.indexOf("Briefing Document: US-Mexico"), post.indexOf("Leave a comment")));

const SUMMARY = "Executive Summary";
const THEMES = "Key Themes and Information";
const QUOTES = "Key Quotes";
const IMPLICATIONS = "Potential Implications";
const SURVEILLANCE = "Increased US Surveillance";
const FENTANYL = "Fentanyl Focus";
const FTO = "Designation of Cartels as Foreign Terrorist Organizations (FTOs)";
const RESPONSE = "Mexican Response and Concerns about Sovereignty";
const ESCALATION = "Potential for Escalation and Military Action";
const PERSONNEL = "Personnel Appointments";
const HISTORY = "US-Mexico Troubled History";

/** The claims of the example briefing as a reader lists them: [section, topic, kind, text start, speaker]. */
const expected: [string, string | null, "statement" | "quote" | "number", string, string?][] = [
  [SUMMARY, null, "statement", "The Trump administration is intensifying its efforts"],
  [SUMMARY, null, "statement", "This approach includes covert CIA drone flights over Mexico"],
  [SUMMARY, null, "statement", "The Mexican government, under President Claudia Sheinbaum, is responding cautiously"],
  [SUMMARY, null, "statement", "The potential for further escalation, including military action, remains a significant concern."],
  [THEMES, SURVEILLANCE, "statement", "The US has significantly increased surveillance activities targeting Mexican cartels, including:"],
  [THEMES, SURVEILLANCE, "statement", "Covert CIA drone flights over Mexican territory to identify fentanyl labs."],
  [THEMES, SURVEILLANCE, "statement", "These flights reportedly “go ‘well into sovereign Mexico.’”"],
  [THEMES, SURVEILLANCE, "statement", "Expanded US military surveillance along the border, using aircraft such as U-2s and RC-135 Rivet Joints"],
  [THEMES, SURVEILLANCE, "number", "Creation of a special intelligence task force (140 analysts) to analyze surveillance data."],
  [THEMES, SURVEILLANCE, "statement", "The US military shares the surveillance intellegence with Mexican officials"],
  [THEMES, FENTANYL, "statement", "The primary objective of the increased surveillance is to locate and dismantle fentanyl labs."],
  [THEMES, FENTANYL, "statement", "Fentanyl labs emit detectable chemicals, making them identifiable from the air."],
  [THEMES, FTO, "statement", "The Trump administration plans to designate several Mexican cartels as FTOs."],
  [THEMES, FTO, "statement", "This is a symbolic move that “could, eventually, be followed by expanded operations"],
  [THEMES, FTO, "statement", "Mexico argues that the cartels are motivated by profit"],
  [THEMES, FTO, "statement", "The designation could complicate asylum claims"],
  [THEMES, RESPONSE, "statement", "President Sheinbaum has stated that Mexico “will never tolerate"],
  [THEMES, RESPONSE, "statement", "She emphasized the need for “collaboration and coordination"],
  [THEMES, RESPONSE, "statement", "Sheinbaum has dismissed the drone surveillance program"],
  [THEMES, RESPONSE, "statement", "Mexico is considering constitutional reforms"],
  [THEMES, RESPONSE, "statement", "She also repeated a pledge that Mexico would expand its legal action against US gun manufacturers."],
  [THEMES, RESPONSE, "statement", "Mexico’s defense secretary, Gen. Ricardo Trevilla Trejo, originally told reporters"],
  [THEMES, RESPONSE, "number", "The Mexican government has deployed 10,000 troops to the border"],
  [THEMES, ESCALATION, "statement", "Defense Secretary Pete Hegseth did not rule out cross-border raids into Mexico."],
  [THEMES, ESCALATION, "quote", "“All options are on the table,” he said.", "Defense Secretary Pete Hegseth"],
  [THEMES, ESCALATION, "statement", "Elon Musk suggested that the FTO designation “means they’re eligible for drone strikes.”"],
  [THEMES, ESCALATION, "statement", "However, conducting airstrikes on fentanyl labs poses a high risk of civilian casualties."],
  [THEMES, ESCALATION, "quote", "“Conducting an airstrike on fentanyl labs would probably cause catastrophic fatalities"],
  [THEMES, ESCALATION, "statement", "Former officials believe that the US military and intelligence agencies"],
  [THEMES, PERSONNEL, "statement", "Trump has nominated Ronald Johnson, a former CIA paramilitary officer, as ambassador to Mexico."],
  [THEMES, PERSONNEL, "statement", "Joe Kent, a former Army Green Beret and CIA paramilitary officer"],
  [THEMES, HISTORY, "number", "Sheinbaum’s comments reflected the troubled history between the two allied nations"],
  [QUOTES, null, "quote", "“The flights go ‘well into sovereign Mexico.’” – U.S. Official", "U.S. Official"],
  [QUOTES, null, "quote", "“This cannot be an opportunity for the US to invade our sovereignty…With Mexico", "Mexican President Claudia Sheinbaum"],
  [QUOTES, null, "quote", "“Conducting an airstrike on fentanyl labs", "Source familiar with the program"],
  [QUOTES, null, "quote", "“All options are on the table,” – Defense Secretary Pete Hegseth", "Defense Secretary Pete Hegseth"],
  [QUOTES, null, "quote", "“means they’re eligible for drone strikes” – Elon Musk", "Elon Musk"],
  [IMPLICATIONS, null, "statement", "Increased tensions between the US and Mexico."],
  [IMPLICATIONS, null, "statement", "Risk of unintended escalation and potential military conflict."],
  [IMPLICATIONS, null, "statement", "Impact on asylum seekers and border security."],
  [IMPLICATIONS, null, "statement", "Potential for legal challenges and diplomatic friction."],
];

describe("extractClaims on the example briefing", () => {
  const claims = extractClaims(briefing);

  it("finds one claim per sentence of each bullet and paragraph, and none for headings", () => {
    expect(claims).toHaveLength(expected.length);
    expect(claims.map((c) => c.order)).toEqual(expected.map((_, i) => i));
  });

  it.each(expected.map((row, order) => ({ order, row })))("claim $order: $row.3", ({ order, row }) => {
    const [section, topic, kind, text, speaker] = row;
    const claim = claims[order];
    expect(claim.section).toBe(section);
    expect(claim.topic).toBe(topic);
    expect(claim.kind).toBe(kind);
    expect(claim.text.startsWith(text)).toBe(true);
    expect(claim.speaker).toBe(speaker);
    expect(briefing.text.slice(claim.start, claim.end)).toBe(claim.text);
  });

  it("keeps the topic label out of the claim even without a space after its colon", () => {
    expect(claims[4].text.startsWith("Increased US Surveillance")).toBe(false);
    expect(claims.some((c) => c.text.includes("Fentanyl Focus:"))).toBe(false);
  });

  it("keeps the quoted words of quote claims apart from their attribution", () => {
    const quotes = claims.filter((c) => c.section === QUOTES).map((c) => c.quote?.text);
    expect(quotes).toEqual([
      "The flights go ‘well into sovereign Mexico.’",
      "This cannot be an opportunity for the US to invade our sovereignty…With Mexico, it is collaboration and coordination, never subordination or interventionism, and even less invasion.",
      "Conducting an airstrike on fentanyl labs would probably cause catastrophic fatalities, as they are often inside homes in urban areas.",
      "All options are on the table,",
      "means they’re eligible for drone strikes",
    ]);
    for (const claim of claims.filter((c) => c.quote)) {
      expect(briefing.text.slice(claim.quote!.start, claim.quote!.end)).toBe(claim.quote!.text);
    }
  });

  it("makes no claim of the document title", () => {
    expect(claims.some((c) => c.text.includes("Briefing Document"))).toBe(false);
    expect(claims.every((c) => c.section !== "Briefing Document: US-Mexico Relations and the War on Cartels (February 2025)")).toBe(true);
  });
});

describe("extractClaims", () => {
  const extract = (text: string) => extractClaims(importPlainText(text)).map((c) => ({ section: c.section, topic: c.topic, kind: c.kind, text: c.text, speaker: c.speaker }));

  it.each([
    {
      name: "gives claims before any section no section",
      input: "Title\n\nA first claim. A second one.",
      expected: [
        { section: null, topic: null, kind: "statement", text: "A first claim.", speaker: undefined },
        { section: null, topic: null, kind: "statement", text: "A second one.", speaker: undefined },
      ],
    },
    {
      name: "drops the topic at a new section",
      input: "Title\n\nFirst:\n\n• Big Topic: it holds.\n• it still holds.\n\nSecond:\n\n• no topic here.",
      expected: [
        { section: "First", topic: "Big Topic", kind: "statement", text: "it holds.", speaker: undefined },
        { section: "First", topic: "Big Topic", kind: "statement", text: "it still holds.", speaker: undefined },
        { section: "Second", topic: null, kind: "statement", text: "no topic here.", speaker: undefined },
      ],
    },
    {
      name: "does not read a sentence before a colon as a topic",
      input: "Title\n\n• The plan was clear: strike first.",
      expected: [{ section: null, topic: null, kind: "statement", text: "The plan was clear: strike first.", speaker: undefined }],
    },
    {
      name: "reads figures and quantity words as numbers, model names not",
      input: "Title\n\n• Prices rose 3.5% in March.\n• Thousands fled.\n• It flew U-2s and RC-135s.",
      expected: [
        { section: null, topic: null, kind: "number", text: "Prices rose 3.5% in March.", speaker: undefined },
        { section: null, topic: null, kind: "number", text: "Thousands fled.", speaker: undefined },
        { section: null, topic: null, kind: "statement", text: "It flew U-2s and RC-135s.", speaker: undefined },
      ],
    },
    {
      name: "reads quotations attributed before or after",
      input: "Title\n\n• The minister said: “We will act.”\n• “Never,” said the mayor.\n• \"Soon\" – Jane Doe, on the plan",
      expected: [
        { section: null, topic: null, kind: "quote", text: "The minister said: “We will act.”", speaker: "The minister" },
        { section: null, topic: null, kind: "quote", text: "“Never,” said the mayor.", speaker: "the mayor" },
        { section: null, topic: null, kind: "quote", text: "\"Soon\" – Jane Doe, on the plan", speaker: "Jane Doe" },
      ],
    },
    {
      name: "prefers quote over number for a quotation holding a figure",
      input: "Title\n\n• “We sent 500 troops.” – The general",
      expected: [{ section: null, topic: null, kind: "quote", text: "“We sent 500 troops.” – The general", speaker: "The general" }],
    },
  ])("$name", ({ input, expected: claims }) => {
    expect(extract(input)).toEqual(claims);
  });

  it("gives no claims for a document of headings only", () => {
    expect(extractClaims(importPlainText("Title\n\nSection:"))).toEqual([]);
  });
});
