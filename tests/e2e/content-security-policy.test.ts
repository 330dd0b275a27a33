// Every page carries a Content-Security-Policy with a fresh nonce on its scripts, and using the example dossier violates none of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { watchPageViolations as watchViolations } from "./csp-violations.ts";
import { startApp, type RunningApp } from "./start-app.ts";

function nonceOf(policy: string | null): string {
  const nonce = policy?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  expect(nonce, `a nonce in ${policy}`).toBeTruthy();
  return nonce!;
}

describe("Content-Security-Policy", () => {
  let app: RunningApp;
  let browser: BrowserContext;

  beforeAll(async () => {
    app = await startApp();
    // This file watches for violations itself, page by page, and provokes one on purpose.
    browser = await openBrowser({ allowViolations: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("gives every page a policy without 'unsafe-inline' scripts, a new nonce each time, on every script of the page", async () => {
    const pages = ["/", "/sign-in", "/sign-up", "/no-such-page"];
    const nonces = new Set<string>();
    for (const path of pages) {
      const response = await fetch(`${app.url}${path}`, { headers: { "x-nonce": "chosen-by-the-client" } });
      const policy = response.headers.get("content-security-policy");
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      const nonce = nonceOf(policy);
      expect(nonce).not.toBe("chosen-by-the-client");
      nonces.add(nonce);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(pages.length);
  });

  it("keeps the policy and the session checks when a request carries the framework's internal headers", async () => {
    // Headers Next.js uses between its own layers; sent from outside they must change nothing.
    const internal: Record<string, string>[] = [
      { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
      { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
      { "x-middleware-prefetch": "1" },
      { "x-invoke-path": "/sign-in" },
      { "x-nextjs-data": "1" },
    ];
    for (const headers of internal) {
      const page = await fetch(`${app.url}/`, { headers });
      expect(page.headers.get("content-security-policy"), JSON.stringify(headers)).toMatch(/'nonce-[^']+'/);
      const dossiers = await fetch(`${app.url}/api/v1/queue`, { headers });
      expect(dossiers.status, JSON.stringify(headers)).toBe(401);
      const tokens = await fetch(`${app.url}/settings/tokens`, { headers, redirect: "manual" });
      expect([303, 307, 308], JSON.stringify(headers)).toContain(tokens.status);
    }
  });

  it("reports no violation while the example dossier is read, published and in the reader", async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(app.url);
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).click();
    await page.waitForURL(/\/p\//);
    await page.locator('[data-pane="briefing"] [data-claim-id]').nth(3).click();
    expect(violations()).toEqual([]);

    await signUp(page, app.url, { name: "Ana Reviewer", email: "ana@example.test" });
    await page.goto(app.url);
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).click();
    await page.waitForURL(/\/dossiers\//);
    const claim = page.locator('[data-pane="briefing"] [data-claim-id]').nth(2);
    await claim.click();
    await page.keyboard.press("?");
    await page.keyboard.press("Escape");
    await page.keyboard.press("n");
    await page.keyboard.type("Checked against the post.");
    await page.keyboard.press("Escape");
    await page.goto(`${page.url().split("?")[0]}/review`);
    await page.locator("main").waitFor();
    expect(violations()).toEqual([]);
  });

  it("blocks an inline event handler slipped into a page, and reports it", async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${app.url}/sign-in`);
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image" onerror="window.__ran = true">'));
    await expect.poll(violations).not.toEqual([]);
    expect(violations().join("\n")).toMatch(/script-src/);
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  });
});
