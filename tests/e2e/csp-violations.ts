// Collects the Content-Security-Policy violations a browser's pages report, from before each document's first script.
import type { BrowserContext, Page } from "playwright-core";

const VIOLATION = /Content Security Policy|CSP violation/i;

function reportViolations(): void {
  document.addEventListener("securitypolicyviolation", (event) =>
    console.error(`CSP violation: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`),
  );
}

/** Records every violation `page` reports, on every document it loads; returns a reader of what was seen. */
export async function watchPageViolations(page: Page): Promise<() => string[]> {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (VIOLATION.test(message.text())) seen.push(message.text());
  });
  await page.addInitScript(reportViolations);
  return () => [...seen];
}

/** Records every violation reported by any page of `context`, each with the address it happened on. */
export async function watchContextViolations(context: BrowserContext): Promise<() => string[]> {
  const seen: string[] = [];
  const watch = (page: Page) =>
    page.on("console", (message) => {
      if (VIOLATION.test(message.text())) seen.push(`${page.url()}: ${message.text()}`);
    });
  context.pages().forEach(watch);
  context.on("page", watch);
  await context.addInitScript(reportViolations);
  return () => [...seen];
}
