// Walks through the tasks of docs/guide.md in Chromium and takes the guide's screenshots on the way,
// so they show the product as it is. `npm run docs:screenshots` writes them into docs/images;
// in the ordinary suite they go to tmp/guide.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "./accounts.ts";
import { guideShot } from "./guide-shot.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

const MISSING_SOURCE = `Pentagon weighs options against cartels

US defence officials said a special intelligence task force of 140 analysts has been set up to track fentanyl networks in Mexico.`;

describe("the guide's tasks, with their screenshots", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let dossierUrl: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
    // The tour has its own test; the guide's pictures show the reader itself.
    await page.addInitScript(() => localStorage.setItem("attest.tour.dismissed", "1"));
    await signUp(page, app.url, { name: "Grace Guide", email: "grace@example.test" });
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    dossierUrl = page.url();
    await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const claimWith = (text: string | RegExp) => page.locator('[data-pane="briefing"] [data-claim-id]', { hasText: text }).first();

  it("checks a briefing against its sources: a claim, its passage and its evidence", async () => {
    await claimWith(/^Covert CIA drone flights/).click();
    await page.locator("mark.hl.is-active").first().waitFor();
    await page.locator("[data-claim-history]").waitFor();
    await guideShot(page, "reader");
    await guideShot(page.locator('[data-pane="evidence"]'), "evidence");
    expect(await page.locator('[data-pane="evidence"] article').count()).toBeGreaterThan(0);
  });

  it("attaches a missing source from a claim nothing backs", async () => {
    await claimWith("140 analysts").click();
    // The evidence panel follows the active claim a moment later (a deferred render): wait for it.
    await expect.poll(() => page.locator('[data-pane="evidence"]').innerText(), { timeout: 15_000 }).toMatch(/not found in the attached sources/i);
    await page.getByRole("button", { name: "Attach a source" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Attach a source" });
    await dialog.locator("textarea[name=text]").fill(MISSING_SOURCE);
    await dialog.locator("input[name=title]").fill("Defence report");
    await guideShot(page, "attach-source");
    await dialog.getByRole("button", { name: "Attach", exact: true }).click();
    await dialog.waitFor({ state: "detached", timeout: 60_000 });
    await claimWith("140 analysts").click();
    await page.locator("mark.hl.is-active").first().waitFor();
    await guideShot(page, "attached-source");
  });

  it("annotates a passage with a note", async () => {
    await claimWith("140 analysts").click();
    await page.keyboard.press("n");
    const editor = page.getByRole("textbox", { name: "New note" });
    await editor.waitFor();
    await editor.pressSequentially("Which agency confirmed the figure? Ask the desk.");
    await page.getByRole("button", { name: "Save note" }).click();
    await page.locator("[data-thread-id]", { hasText: "Which agency" }).waitFor();
    await guideShot(page, "notes");
  });

  it("reviews with a colleague on the review desk", async () => {
    await page.goto(`${dossierUrl}/review`);
    await page.locator("[data-two-reviewer-mode]").waitFor();
    await guideShot(page, "review-desk");
  });

  it("exports the dossier", async () => {
    await page.goto(dossierUrl);
    await page.getByRole("button", { name: "Export" }).click();
    await page.locator('[data-export="jsonld"]').waitFor();
    await guideShot(page, "export-menu");
    await page.keyboard.press("Escape");
    await page.goto(`${dossierUrl}/report`);
    await page.locator("h1").first().waitFor();
    await guideShot(page, "report");
  });

  it("searches every dossier", async () => {
    await page.goto(`${app.url}/search?q=${encodeURIComponent("analysts")}`);
    await page.locator("[data-search-hit]").first().waitFor();
    await guideShot(page, "search");
  });

  it("invites a colleague and makes an API token", async () => {
    await page.goto(app.url);
    await page.getByRole("link", { name: "Members and settings" }).click();
    await page.waitForURL(/\/settings$/);
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await page.getByLabel("Invitation link").waitFor();
    await guideShot(page, "members");
    await page.goto(`${app.url}/settings/tokens`);
    await page.getByLabel("Name").fill("Newsroom CI");
    await page.getByRole("button", { name: "Make token" }).click();
    await page.locator("[data-new-token]").waitFor();
    await guideShot(page, "api-tokens");
  });
});
