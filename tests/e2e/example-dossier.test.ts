import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { startApp, type RunningApp } from "./start-app.ts";
import { SERVER_NODE_FLAGS } from "@/scripts/server-node-flags.mjs";

describe("the example dossier in the browser", () => {
  let app: RunningApp;
  let browser: BrowserContext;

  beforeAll(async () => {
    // From an empty data folder, as on a first start: the app migrates and seeds it itself.
    app = await startApp({ empty: true });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("is published: a newcomer reads the post and its briefing side by side without an account", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole("link", { name: /Fentanyl Crisis: US Military Response and Consequences/ }).click();
    await page.waitForURL(/\/p\//);
    const briefing = page.locator('[data-pane="briefing"]');
    const sources = page.locator('[data-pane="sources"]');
    await expect(briefing.innerText()).resolves.toContain("Creation of a special intelligence task force (140 analysts)");
    const sourceText = await sources.innerText();
    expect(sourceText).toContain("Mexico’s president Sheinbaum seems to think so too");
    expect(sourceText).toContain("About Me");
    // The pasted briefing is its own document: the post shown as the source no longer holds it.
    expect(sourceText).not.toContain("140 analysts");
    await expect(page.getByText(/Pasted by the blog's author/).first().isVisible()).resolves.toBe(true);
    expect(await briefing.locator("[data-claim-id]").count()).toBeGreaterThan(30);
  });

  it("is rendered once by the server before it takes requests", () => {
    const log = app.output();
    const rendered = log.indexOf("Rendered the published example once before taking requests");
    expect(rendered).toBeGreaterThanOrEqual(0);
    expect(rendered).toBeLessThan(log.indexOf("Attest is ready"));
    expect(log).not.toContain("Rendering the published example before taking requests failed");
  });

  it("walks a newcomer through its three moves once, by keyboard, and remembers when the tour is dismissed", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).click();
    await page.waitForURL(/\/p\//);
    const tour = page.getByRole("region", { name: "Tour of the reader" });
    await expect(tour.innerText()).resolves.toContain("1/3 · Click a claim");
    expect(await page.locator('[data-pane="briefing"].tour-target').count()).toBe(1);
    await tour.getByRole("button", { name: "Next" }).focus();
    await page.keyboard.press("Enter");
    await expect(tour.innerText()).resolves.toContain("2/3 · Judge its evidence");
    await expect(tour.getByRole("link", { name: "Create an account" }).isVisible()).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(tour.innerText()).resolves.toContain("3/3 · Annotate");
    await tour.getByRole("button", { name: "Done" }).click();
    await tour.waitFor({ state: "detached" });
    expect(await page.locator(".tour-target").count()).toBe(0);
    await page.reload();
    await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
    expect(await page.getByRole("region", { name: "Tour of the reader" }).count()).toBe(0);
  });

  it("belongs to the first account, which lists it and opens it in the reader", async () => {
    const page = await browser.newPage();
    await signUp(page, app.url, { name: "Ana Reviewer", email: "ana@example.test" });
    await page.goto(app.url);
    await page.getByRole("link", { name: /Fentanyl Crisis: US Military Response and Consequences/ }).click();
    await page.waitForURL(/\/dossiers\//);
    await expect(page.locator('[data-pane="briefing"] [data-claim-id]').count()).resolves.toBeGreaterThan(30);

    // The owner sees the read-only link, withdraws it, and publishes a new one.
    await page.getByRole("button", { name: /Share · published/ }).click();
    const oldLink = await page.getByLabel("Read-only link").inputValue();
    expect((await fetch(oldLink)).status).toBe(200);
    await page.getByRole("button", { name: "Stop sharing" }).click();
    await page.getByRole("button", { name: "Publish a read-only link" }).waitFor();
    expect((await fetch(oldLink)).status).toBe(404);
    await page.getByRole("button", { name: "Publish a read-only link" }).click();
    const newLink = await page.getByLabel("Read-only link").inputValue();
    expect(newLink).not.toBe(oldLink);
    expect((await fetch(newLink)).status).toBe(200);
    await page.keyboard.press("Escape");
  });

  it("refuses a second server on the same data folder, in one line, leaving the first one serving", async () => {
    const second = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, "scripts/start.mjs"], {
      env: { ...process.env, PORT: "1", DATA_DIR: app.dataDir, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr.trim()).toMatch(/^attest: the database folder .* is already open by another process \(PID \d+\) — /);
    expect((await fetch(app.url)).status).toBe(200);
  });

  it("keeps everything when the server is killed and started again", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    const before = await page.locator("main").innerText();
    await app.stop("SIGKILL");
    app = await startApp({ dataDir: app.dataDir });
    await page.goto(app.url);
    expect(await page.locator("main").innerText()).toBe(before);
    expect(before.match(/Fentanyl Crisis/g)).toHaveLength(1);
  });
});
