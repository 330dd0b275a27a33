import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sanitizeHtmlToAllowlist } from "@/core/import/sanitize-html-to-allowlist.ts";

const payloads = readFileSync("tests/fixtures/text/xss-payload-list.txt", "utf8").split("\n").filter(Boolean);

describe("sanitizeHtmlToAllowlist", () => {
  it("keeps text, structure and a safe link; drops handlers, images, svg and javascript: links", () => {
    expect(
      sanitizeHtmlToAllowlist('<p>Pasted <img src=x onerror="alert(1)" alt="chart"> <a href="javascript:alert(2)">trap</a> and <a href="https://example.org/report" onclick="x()">report</a> <svg onload="alert(3)"><text>s</text></svg></p>'),
    ).toBe('<p>Pasted <span>chart</span> <a>trap</a> and <a href="https://example.org/report">report</a> </p>');
  });

  it(`leaves no element able to run script in any of ${payloads.length} XSS payloads`, () => {
    for (const payload of payloads) {
      const clean = sanitizeHtmlToAllowlist(payload);
      expect(clean, payload).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(clean, payload).not.toMatch(/<(script|iframe|object|embed|svg|math|img|style|link|meta|base|form)\b/i);
      expect(clean, payload).not.toMatch(/href\s*=\s*["']?\s*(javascript|data|vbscript):/i);
    }
  });
});
