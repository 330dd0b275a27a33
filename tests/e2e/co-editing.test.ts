// Two editors of one workspace, each in a browser of their own, edit the briefing at once: each
// sees the other's words and caret, and the version one of them saves holds both edits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { RunningApp } from "./start-app.ts";
import { ADA, GRACE, openTwoPeople, type Person, type TwoPeople } from "./two-people.ts";
import { selectInEditor } from "./select-in-editor.ts";
import { guideShot } from "./guide-shot.ts";

const NEW_SENTENCE = "Both editors worked on this version at once.";

describe("co-editing the briefing", () => {
  let people: TwoPeople;
  let app: RunningApp;
  let ada: Person;
  let grace: Person;
  let dossierPath: string;
  const errors: string[] = [];

  const editorOf = (page: Page) => page.locator("[data-briefing-editor]");
  const liveClaims = (page: Page) =>
    page.evaluate(async (path) => {
      const view = await (await fetch(`/api/v1${path}`)).json();
      return view.claims as { id: string; text: string }[];
    }, dossierPath);

  beforeAll(async () => {
    people = await openTwoPeople("editor", errors);
    ({ app, ada, grace, dossierPath } = people);
  });

  afterAll(async () => people?.close());

  it("shows each editor the other's words and caret, and saves both edits in one version that keeps the claims", async () => {
    const before = await liveClaims(ada.page);
    const typoClaim = before.find((c) => c.text.includes("surveillance intellegence"))!;
    expect(typoClaim).toBeDefined();

    for (const { page } of [ada, grace]) {
      await page.getByRole("button", { name: "Edit briefing" }).click();
      await page.locator("[data-briefing-editor]").waitFor({ timeout: 20_000 });
    }
    // Grace fixes a typo inside a claim; Ada adds a sentence at the end.
    expect(await selectInEditor(grace.page, "intellegence")).toBe(true);
    await grace.page.keyboard.type("intelligence");
    // Her caret stayed where she put it: the editor getting ready does not move it to the top.
    await editorOf(grace.page).getByText("surveillance intelligence").first().waitFor({ timeout: 5_000 });
    await editorOf(ada.page).click();
    await ada.page.keyboard.press("Control+End");
    await ada.page.keyboard.press("Enter");
    await ada.page.keyboard.type(NEW_SENTENCE);

    await editorOf(grace.page).getByText(NEW_SENTENCE).waitFor({ timeout: 30_000 });
    await editorOf(ada.page).getByText("surveillance intelligence").first().waitFor({ timeout: 30_000 });
    await grace.page.locator(".collaboration-carets__label", { hasText: ADA.name }).waitFor({ timeout: 30_000 });
    // Grace moves her caret once both edits are in: a caret whose place was sent before the other
    // side had the words it points into may not be drawn until its editor moves it again.
    await editorOf(grace.page).press("End");
    await ada.page.locator(".collaboration-carets__label", { hasText: GRACE.name }).waitFor({ timeout: 30_000 });
    // The guide's picture: the tour out of the way, Ada's caret and sentence in view.
    await grace.page.getByRole("button", { name: "Skip the tour" }).click();
    await grace.page.locator(".collaboration-carets__label", { hasText: ADA.name }).scrollIntoViewIfNeeded();
    await guideShot(grace.page, "co-editing");

    await ada.page.getByRole("button", { name: "Save", exact: true }).click();
    await editorOf(ada.page).waitFor({ state: "detached", timeout: 60_000 });
    await expect(ada.page.locator("[data-notice]").innerText()).resolves.toMatch(/Saved as version 2: \d+ claims kept, 1 new, 0 retired/);
    await grace.page.locator("[data-collab-status]", { hasText: `${ADA.name} saved the draft as version 2.` }).waitFor({ timeout: 30_000 });

    const after = await liveClaims(grace.page);
    expect(after.find((c) => c.id === typoClaim.id)?.text).toContain("surveillance intelligence");
    expect(after.filter((c) => c.text.includes(NEW_SENTENCE))).toHaveLength(1);
    expect(new Set(before.map((c) => c.id)).size).toBe(after.length - 1);
    expect(before.every((c) => after.some((a) => a.id === c.id))).toBe(true);
    // Grace's draft moved onto the saved version: the new sentence is a claim there too.
    const addedId = after.find((c) => c.text.includes(NEW_SENTENCE))!.id;
    await editorOf(grace.page).locator(`[data-claim-id="${addedId}"]`).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
