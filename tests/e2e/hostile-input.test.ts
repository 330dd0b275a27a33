// Hostile text everywhere a user can type or upload, rendered in Chromium: no script ever runs, nothing errors, nothing visible is lost.
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";

const XSS = readFileSync("tests/fixtures/text/xss-payload-list.txt", "utf8").split("\n").filter((line) => line.trim());
const NAUGHTY: string[] = JSON.parse(readFileSync("tests/fixtures/text/blns.json", "utf8"));
/** Every tenth payload, so a run stays short while every family of payload is in it. */
const SAMPLE = XSS.filter((_, i) => i % 10 === 0);

describe("hostile input in the browser", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let dossierUrl: string;
  const fired: string[] = [];
  const serverErrors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
    // Any script a payload manages to run calls one of these, opens a dialog, or sets a flag.
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown> & { __fired: string[] };
      w.__fired = [];
      for (const name of ["alert", "confirm", "prompt", "print"]) w[name] = (...a: unknown[]) => void w.__fired.push(`${name}(${a.join(",")})`);
    });
    page.on("dialog", (dialog) => {
      fired.push(`dialog ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on("response", (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
    });
    await signUp(page, app.url, { name: "<img src=x onerror=alert('name')>", email: "hostile@example.test" });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const scriptsRan = async () => [...fired, ...(await page.evaluate(() => (window as unknown as { __fired: string[] }).__fired))];

  it("makes a dossier whose title and briefing are XSS payloads, and shows them as text", async () => {
    await page.goto(`${app.url}/new`);
    await page.getByLabel("Title").fill(`<script>alert("title")</script> ${XSS[1]}`);
    const briefing = SAMPLE.slice(0, 150).map((payload) => `- ${payload}`).join("\n");
    await page.getByLabel("Briefing text").fill(briefing);
    await page.getByRole("button", { name: "Create dossier" }).click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/, { timeout: 120_000 });
    dossierUrl = page.url();
    await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
    await expect(page.locator("h1").first().innerText()).resolves.toContain('<script>alert("title")</script>');
    expect(await scriptsRan()).toEqual([]);
  });

  it("attaches payloads as an HTML source and as a plain-text source, and clicks through the claims", async () => {
    const attach = async (text: string, format: "html" | "text", title: string) => {
      await page.getByRole("button", { name: "Attach a source" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Attach a source" });
      await dialog.locator("textarea[name=text]").fill(text);
      await dialog.locator("select[name=format]").selectOption(format);
      await dialog.locator("input[name=title]").fill(title);
      await dialog.getByRole("button", { name: "Attach", exact: true }).click();
      await dialog.waitFor({ state: "detached", timeout: 120_000 });
    };
    await attach(`<html><body>${SAMPLE.map((p) => `<p>${p}</p>`).join("\n")}</body></html>`, "html", "<svg onload=alert('tab')>");
    await attach(SAMPLE.join("\n\n"), "text", "Payloads as text");
    const claims = page.locator('[data-pane="briefing"] [data-claim-id]');
    const count = await claims.count();
    for (let i = 0; i < Math.min(count, 40); i += 3) await claims.nth(i).click();
    await page.reload();
    await claims.first().waitFor();
    expect(await scriptsRan()).toEqual([]);
  });

  it("keeps every payload of the plain-text source visible, character for character", async () => {
    await page.locator("[data-source-tab]", { hasText: "Payloads as text" }).click();
    // textContent, not innerText: sections out of view are skipped by layout (content-visibility).
    const shown = (await page.locator("[data-source-scroll]:visible [data-source-text]").textContent()) ?? "";
    const normalise = (s: string) => s.replace(/\s+/g, " ").trim();
    const missing = SAMPLE.filter((payload) => !normalise(shown).includes(normalise(payload)));
    expect(missing).toEqual([]);
  });

  it("searches for naughty strings without a server error or a script", async () => {
    for (const q of NAUGHTY.filter((_, i) => i % 15 === 0)) {
      await page.goto(`${app.url}/search?q=${encodeURIComponent(q.slice(0, 190))}`);
    }
    expect(serverErrors).toEqual([]);
    expect(await scriptsRan()).toEqual([]);
    expect(dossierUrl).toMatch(/\/dossiers\//);
  });
});
