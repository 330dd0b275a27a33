// Opens Debian's Chromium headless through playwright-core, with a fresh profile each time, watching for CSP violations.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { watchContextViolations } from "./csp-violations.ts";

/**
 * A fresh headless browser context; close it when done. Closing it fails when any of its pages
 * reported a Content-Security-Policy violation, so that every browser test also checks the
 * policy; a test that provokes violations on purpose passes `allowViolations`.
 */
export async function openBrowser(options: { allowViolations?: boolean } = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(path.join(tmpdir(), "attest-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  if (options.allowViolations) return context;
  const violations = await watchContextViolations(context);
  const close = context.close.bind(context);
  context.close = async (...args: Parameters<BrowserContext["close"]>) => {
    await close(...args);
    const seen = violations();
    if (seen.length > 0) throw new Error(`the pages reported ${seen.length} Content-Security-Policy violation(s):\n${seen.join("\n")}`);
  };
  return context;
}
