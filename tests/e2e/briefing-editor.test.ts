import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";
import { selectInEditor as selectInPage } from "./select-in-editor.ts";

const NEW_SENTENCE = "Cartel revenue from fentanyl doubled in 2024.";

describe("editing the briefing in place", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const briefing = () => page.locator('[data-pane="briefing"]');
  const claimWith = (text: string) => briefing().locator("[data-claim-id]", { hasText: text }).first();
  const claimIds = () => briefing().locator("[data-claim-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-claim-id")!));

  const selectInEditor = (words: string) => selectInPage(page, words);

  beforeAll(async () => {
    mkdirSync("tmp", { recursive: true });
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    // The first account owns the example dossier.
    await signUp(page, app.url, { name: "Edna Editor", email: "edna@example.test" });
    await page.goto(app.url);
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    await briefing().locator("[data-claim-id]").first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("discards the changes on Cancel", async () => {
    await page.getByRole("button", { name: "Edit briefing" }).click();
    await page.locator("[data-briefing-editor]").waitFor();
    expect(await selectInEditor("Mexican officials")).toBe(true);
    await page.keyboard.type("someone else");
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.locator("[data-briefing-editor]").waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.hasAttribute("data-edit-briefing"));
    await expect(claimWith("surveillance intellegence").innerText()).resolves.toContain("Mexican officials");
    expect(await briefing().innerText()).not.toContain("someone else");
  });

  it("fixes a typo inside a linked claim and adds a sentence: the claim keeps its id and link, the sentence is a new claim", async () => {
    // Link the claim with the typo to a passage of the post, as a reviewer would.
    const claimId = (await claimWith("surveillance intellegence").getAttribute("data-claim-id"))!;
    const linkId = await page.evaluate(async (claimId) => {
      const dossierId = location.pathname.split("/").pop();
      const view = await (await fetch(`/api/v1/dossiers/${dossierId}`)).json();
      const source = view.sources[0];
      const start = source.text.indexOf("Mexico");
      const response = await fetch(`/api/v1/claims/${claimId}/links`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ versionId: source.versionId, start, end: start + 40 }),
      });
      return (await response.json()).id as string;
    }, claimId);
    await page.reload();
    await expect(claimWith("surveillance intellegence").getAttribute("data-state")).resolves.toBe("backed");
    const before = await claimIds();

    await page.getByRole("button", { name: "Edit briefing" }).click();
    const editor = page.locator("[data-briefing-editor]");
    await editor.waitFor();
    expect(await editor.locator("[data-claim-id]").evaluateAll((els) => new Set(els.map((e) => e.getAttribute("data-claim-id"))).size)).toBe(before.length);
    await expect(editor.locator(`[data-claim-id="${claimId}"]`).getAttribute("data-state")).resolves.toBe("backed");

    expect(await selectInEditor("intellegence")).toBe(true);
    await page.keyboard.type("intelligence");
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type(NEW_SENTENCE);
    await page.screenshot({ path: "tmp/briefing-editor.png" });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await editor.waitFor({ state: "detached", timeout: 60_000 });
    await expect(page.locator("[data-notice]").innerText()).resolves.toMatch(/Saved as version 2: \d+ claims kept, 1 new, 0 retired/);

    await page.reload();
    const fixed = briefing().locator(`[data-claim-id="${claimId}"]`);
    await fixed.first().waitFor();
    await expect(fixed.first().innerText()).resolves.toContain("surveillance intelligence with Mexican officials");
    await expect(fixed.first().getAttribute("data-state")).resolves.toBe("backed");
    await fixed.first().click();
    await page.locator(`[data-pane="evidence"] article[data-link-id="${linkId}"]`).waitFor();
    expect(await briefing().innerText()).not.toContain("intellegence");

    const added = claimWith(NEW_SENTENCE);
    const addedId = await added.getAttribute("data-claim-id");
    expect(await added.innerText()).toContain(NEW_SENTENCE);
    expect(before).not.toContain(addedId);
    const after = await claimIds();
    expect(new Set(after).size).toBe(new Set(before).size + 1);
    expect(pageErrors).toEqual([]);
  });
});
