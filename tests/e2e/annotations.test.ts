// Notes in the reader: annotate a source span with N, reply, resolve, reopen, keep it after a reload — and never run pasted script.
import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { signUp } from "./accounts.ts";
import { openBrowser } from "./browser.ts";
import { seriousViolations } from "./serious-violations.ts";
import { startApp, type RunningApp } from "./start-app.ts";

describe("annotations in the reader", () => {
  let app: RunningApp;
  let browser: BrowserContext;
  let page: Page;
  let dossierUrl: string;
  /** Every dialog a page opened (an alert from injected script would land here). */
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  const notesPane = () => page.locator('[data-pane="notes"]');
  const threadWith = (text: string) => notesPane().locator("[data-thread-id]", { hasText: text });
  const focusedInEditor = () => page.evaluate(() => !!document.activeElement?.closest("[data-note-editor]"));

  /** Selects `length` characters of the source paragraph holding `words`, from the words on, as a mouse would. */
  const chooseText = (words: string, length: number) =>
    page.evaluate(
      ([words, length]) => {
        const body = document.querySelector<HTMLElement>("[data-source-text]")!;
        const paragraph = [...body.querySelectorAll<HTMLElement>("[data-block-start]")].find((p) => (p.textContent ?? "").includes(words))!;
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
        let skip = paragraph.textContent!.indexOf(words);
        let left = length;
        const range = document.createRange();
        let started = false;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (!started) {
            if (skip > node.length) {
              skip -= node.length;
              continue;
            }
            range.setStart(node, skip);
            started = true;
            left += skip;
          }
          if (left <= node.length) {
            range.setEnd(node, left);
            break;
          }
          left -= node.length;
        }
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        paragraph.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return range.toString();
      },
      [words, length] as const,
    );

  beforeAll(async () => {
    mkdirSync("tmp", { recursive: true });
    app = await startApp();
    browser = await openBrowser();
    page = await browser.newPage();
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await signUp(page, app.url, { name: "Nora Notes", email: "nora@example.test" });
    await page.goto(app.url);
    await page.getByRole("link", { name: /Fentanyl Crisis/ }).first().click();
    await page.waitForURL(/\/dossiers\//);
    dossierUrl = page.url();
    await page.locator('[data-pane="briefing"] [data-claim-id]').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("annotates selected source text with N in bold, replies, resolves, reopens, and keeps it all after a reload", async () => {
    const chosen = await chooseText("harbinger of potential lethal strikes", 37);
    expect(chosen).toBe("harbinger of potential lethal strikes");
    await page.keyboard.press("n");
    const editor = notesPane().getByRole("textbox", { name: "New note" });
    await editor.waitFor();
    await expect.poll(focusedInEditor).toBe(true);
    expect(await notesPane().locator("[data-note-draft]").innerText()).toContain("harbinger of potential lethal strikes");
    await page.keyboard.press("Control+b");
    await page.keyboard.type("Opinion");
    await page.keyboard.press("Control+b");
    await page.keyboard.type(", not reporting.");
    await notesPane().getByRole("button", { name: "Save note" }).click();

    const thread = threadWith("Opinion, not reporting.");
    await thread.waitFor();
    // The saved thread takes the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[data-thread-id]")?.textContent ?? "")).toContain("Opinion, not reporting.");
    expect(await thread.locator("strong").innerText()).toBe("Opinion");
    expect(await thread.innerText()).toContain("“harbinger of potential lethal strikes”");
    // The span is drawn in the source through the highlight registry, over exactly the chosen words.
    await expect.poll(() => page.evaluate(() => [...(CSS.highlights.get("annotation") ?? [])].map((r) => r.toString()))).toEqual(["harbinger of potential lethal strikes"]);
    await page.screenshot({ path: "tmp/annotations-thread.png" });

    await thread.getByRole("button", { name: "Reply", exact: true }).click();
    await thread.getByRole("textbox", { name: "Reply" }).waitFor();
    await expect.poll(focusedInEditor).toBe(true);
    await page.keyboard.type("Agreed; it reads as the author's view.");
    await page.keyboard.press("Control+Enter");
    await thread.locator("ol[aria-label=Replies]", { hasText: "Agreed; it reads as the author's view." }).waitFor();

    await thread.getByRole("button", { name: "Resolve" }).click();
    await expect.poll(() => thread.getAttribute("data-resolved")).toBe("");
    expect(await page.evaluate(() => CSS.highlights.get("annotation")?.size)).toBe(0);
    await thread.getByRole("button", { name: "Reopen" }).click();
    await expect.poll(() => thread.getAttribute("data-resolved")).toBeNull();

    await page.reload();
    await page.getByRole("button", { name: /^Notes/ }).click();
    const again = threadWith("Opinion, not reporting.");
    await again.waitFor();
    expect(await again.locator("strong").innerText()).toBe("Opinion");
    expect(await again.getAttribute("data-resolved")).toBeNull();
    expect(await again.locator("ol[aria-label=Replies]").innerText()).toContain("Agreed; it reads as the author's view.");
    await page.screenshot({ path: "tmp/annotations-reloaded.png" });
  });

  it("notes the active claim when no text is selected, and Escape cancels the note", async () => {
    const claim = page.locator('[data-pane="briefing"] [data-claim-id]', { hasText: "140 analysts" }).first();
    await claim.click();
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await page.keyboard.press("n");
    const draft = notesPane().locator("[data-note-draft]");
    await draft.waitFor();
    expect(await draft.innerText()).toContain("140 analysts");
    await expect.poll(focusedInEditor).toBe(true);
    await page.keyboard.press("Escape");
    await draft.waitFor({ state: "detached" });
    // The focus goes back to the claim; Escape in the panel closes it and leaves the focus on its button.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("140 analysts");
    await notesPane().getByRole("combobox", { name: "Status" }).focus();
    await page.keyboard.press("Escape");
    await notesPane().waitFor({ state: "detached" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute("data-notes-toggle"))).toBe(true);
  });

  it("never runs script from a pasted <img onerror> or a javascript: link, in the editor or once saved", async () => {
    await page.locator('[data-pane="briefing"] [data-claim-id]', { hasText: "140 analysts" }).first().click();
    await page.keyboard.press("n");
    const editor = notesPane().getByRole("textbox", { name: "New note" });
    await editor.waitFor();
    await page.evaluate(() => {
      const target = document.querySelector<HTMLElement>('[data-note-draft] [contenteditable="true"]')!;
      const data = new DataTransfer();
      data.setData(
        "text/html",
        '<p>Pasted <img src=x onerror="alert(1)"> <a href="javascript:alert(2)">trap</a> and <a href="https://example.org/report">report</a> <svg onload="alert(3)"></svg></p>',
      );
      data.setData("text/plain", "Pasted trap and report");
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.keyboard.type(" <img src=x onerror=alert(4)>");
    // A javascript: address typed into the link field is refused.
    await page.keyboard.press("Shift+Home");
    await notesPane().locator("[data-note-draft]").getByRole("button", { name: "Link", exact: true }).click();
    await notesPane().getByLabel("Link address").fill("javascript:alert(5)");
    await notesPane().getByLabel("Link address").press("Enter");
    expect(await notesPane().getByRole("alert").innerText()).toContain("http, https or mailto");
    await notesPane().getByLabel("Link address").press("Escape");
    expect(await editor.locator("img, svg, a[href^='javascript']").count()).toBe(0);
    await notesPane().getByRole("button", { name: "Save note" }).click();

    const thread = threadWith("<img src=x onerror=alert(4)>");
    await thread.waitFor();
    expect(await thread.innerText()).toContain("trap");
    expect(await thread.locator("img, svg, script, a[href^='javascript']").count()).toBe(0);
    expect(await thread.locator("a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).toEqual(["https://example.org/report"]);

    // Stored bodies are checked by the server too: a javascript: link is refused outright.
    const refused = await page.evaluate(async (dossierId) => {
      const claimId = document.querySelector<HTMLElement>("[data-claim-id]")!.dataset.claimId;
      const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(6)" } }] }] }] };
      const response = await fetch(`/api/v1/dossiers/${dossierId}/annotations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ target: { kind: "claim", claimId }, body }) });
      return response.status;
    }, dossierUrl.split("/").pop()!);
    expect(refused).toBe(400);

    await page.reload();
    await page.getByRole("button", { name: /^Notes/ }).click();
    await threadWith("<img src=x onerror=alert(4)>").waitFor();
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("mentions a workspace member picked from the @ list", async () => {
    await page.locator('[data-pane="briefing"] [data-claim-id]', { hasText: "140 analysts" }).first().click();
    await page.keyboard.press("n");
    await notesPane().getByRole("textbox", { name: "New note" }).waitFor();
    await expect.poll(focusedInEditor).toBe(true);
    await page.keyboard.type("Ask @Nor");
    await page.getByRole("listbox", { name: "Members to mention" }).getByRole("option", { name: "Nora Notes" }).waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.type("about the count.");
    await page.keyboard.press("Control+Enter");
    const thread = threadWith("about the count.");
    await thread.waitFor();
    expect(await thread.locator(".mention").innerText()).toBe("@Nora Notes");
  });

  it("finds nothing serious for axe-core with the notes panel and the editor open", async () => {
    await page.locator('[data-pane="briefing"] [data-claim-id]', { hasText: "140 analysts" }).first().click();
    await page.keyboard.press("n");
    await notesPane().getByRole("textbox", { name: "New note" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
  });

  it("lists a span note whose text left the source as orphaned, with its last known text", async () => {
    const status = await page.evaluate(async (dossierId) => {
      const dossier = await (await fetch(`/api/v1/dossiers/${dossierId}`)).json();
      const source = dossier.sources[0];
      const text = source.text.replace("harbinger of potential lethal strikes on drug labs", "warning sign");
      const response = await fetch(`/api/v1/documents/${source.id}/versions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ document: { from: "text", text } }),
      });
      return response.status;
    }, dossierUrl.split("/").pop()!);
    expect(status).toBeLessThan(300);
    await page.reload();
    await page.getByRole("button", { name: /^Notes/ }).click();
    const thread = threadWith("Opinion, not reporting.");
    await thread.waitFor();
    expect(await thread.locator("[data-orphaned]").count()).toBe(1);
    expect(await thread.innerText()).toContain("Last known text: “harbinger of potential lethal strikes”");
    expect(await page.evaluate(() => CSS.highlights.get("annotation")?.size)).toBe(0);
    await page.screenshot({ path: "tmp/annotations-orphaned.png" });
  });
});
