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

  it("stores a new version of the briefing, keeping claims whose text survives", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole("link", { name: /Council budget check/ }).click();
    await page.waitForURL(/\/dossiers\//);
    const dossierId = page.url().split("/").pop()!;
    const view = await (await page.request.get(`${app.url}/api/v1/dossiers/${dossierId}`)).json();
    const [briefing] = view.briefings;
    const before = new Map<string, string>(view.claims.map((c: { text: string; id: string }) => [c.text, c.id]));

    await page.goto(`${app.url}/documents/${briefing.id}/new-version`);
    await page.getByLabel("New version text").fill(briefing.text);
    await page.getByRole("button", { name: "Store new version" }).click();
    await expect(page.getByRole("status").innerText()).resolves.toMatch(/same as the latest version/);

    const edited = briefing.text.replace("Analysts expect a challenge.", "Analysts expect a legal challenge in May.");
    await page.getByLabel("New version text").fill(edited);
    await page.getByRole("button", { name: "Store new version" }).click();
    await page.waitForURL(new RegExp(`/dossiers/${dossierId}$`));
    await expect(page.locator('[data-pane="briefing"]').innerText()).resolves.toContain("Analysts expect a legal challenge in May.");
    const after = await (await page.request.get(`${app.url}/api/v1/dossiers/${dossierId}`)).json();
    const budget = after.claims.find((c: { text: string }) => c.text.startsWith("The council approved"));
    expect(budget.id).toBe(before.get("The council approved a budget of $2.4 billion."));
    expect(after.briefings[0].versionNumber).toBe(2);
  });
});
