import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { seriousViolations } from "./serious-violations.ts";
import { startApp, type RunningApp } from "./start-app.ts";

describe("accessibility (axe-core)", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("finds nothing serious on the home page signed out", async () => {
    await page.goto(app.url);
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious on the home page signed in", async () => {
    await signUp(page, app.url, { name: "Ada Access", email: "ada@example.test" });
    await page.goto(app.url);
    await page.waitForLoadState("networkidle");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious on the dossier page, with a claim and its evidence open", async () => {
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    const claim = page.locator('[data-pane="briefing"] [data-claim-id]').first();
    await claim.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await claim.click();
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious while the briefing is edited", async () => {
    await page.getByRole("button", { name: "Edit briefing" }).click();
    await page.locator("[data-briefing-editor]").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious on the claim's review and history, the review desk, and my queue", async () => {
    const dossierPath = new URL(page.url()).pathname;
    const claimId = await page.locator('[data-pane="briefing"] [data-claim-id]').first().getAttribute("data-claim-id");
    await page.goto(`${app.url}${dossierPath}?claim=${claimId}`);
    await page.locator("[data-claim-history]").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${app.url}${dossierPath}/review`);
    await page.locator("[data-two-reviewer-mode]").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${app.url}/queue`);
    await page.getByRole("heading", { name: "My queue" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("finds nothing serious on the workspace settings page, with a link just made, or on the invitation page", async () => {
    await page.goto(app.url);
    await page.getByRole("link", { name: "Members and settings" }).click();
    await page.waitForURL(/\/settings$/);
    // After a client-side navigation the page's title arrives with its metadata, a moment after the URL.
    await page.waitForFunction(() => document.title.trim() !== "");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const link = await page.getByLabel("Invitation link").inputValue();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(link);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
