import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

describe("starting a dossier in the browser", () => {
  let app: RunningApp;
  let browser: BrowserContext;

  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
    await signUp(await browser.newPage(), app.url, { name: "Ed Editor", email: "ed@example.test" });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("creates a dossier from a pasted briefing and opens it with its claims", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole("link", { name: "New dossier" }).click();
    await page.getByLabel("Title").fill("Council budget check");
    await page.getByLabel("Briefing text").fill("Key points:\n\n• The council approved a budget of $2.4 billion.\n• Analysts expect a challenge.");
    await page.getByRole("button", { name: "Create dossier" }).click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    const briefing = page.locator('[data-pane="briefing"]');
    await expect(briefing.innerText()).resolves.toContain("The council approved a budget of $2.4 billion.");
    expect(await briefing.locator("[data-claim-id]").count()).toBe(2);
    await page.goto(app.url);
    await expect(page.getByRole("link", { name: /Council budget check/ }).isVisible()).resolves.toBe(true);
  });

  it("says what is wrong with an empty briefing and stays on the form", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/new`);
    await page.getByRole("button", { name: "Create dossier" }).click();
    await expect(page.locator("form [role=alert]").innerText()).resolves.toMatch(/no text/i);
    expect(page.url()).toBe(`${app.url}/new`);
  });
});
