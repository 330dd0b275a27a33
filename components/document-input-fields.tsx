"use client";
// The three ways to give a document — paste, file, address — as form fields named for
// `readDocumentForm` (from, text, format, file, url).
import { useState } from "react";
import { Tabs } from "radix-ui";

const field = "w-full rounded-md border border-rule bg-panel px-3 py-2 text-ink focus:border-accent";

/** Tabs for pasted text (with its format), a file, or an address; `label` names the document. */
export function DocumentInputFields({ label }: { label: string }) {
  const [from, setFrom] = useState("text");
  return (
    <fieldset>
      <legend className="mb-1 block text-sm font-medium">{label}</legend>
      <input type="hidden" name="from" value={from} />
      <Tabs.Root value={from} onValueChange={setFrom}>
        <Tabs.List aria-label={`Where the ${label.toLowerCase()} comes from`} className="mb-3 flex gap-1 border-b border-rule">
          {[
            ["text", "Paste"],
            ["file", "File"],
            ["url", "Address"],
          ].map(([value, name]) => (
            <Tabs.Trigger
              key={value}
              value={value}
              className="border-b-2 border-transparent px-3 py-1.5 text-sm text-muted data-[state=active]:border-accent data-[state=active]:text-ink"
            >
              {name}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="text">
          <textarea name="text" rows={12} aria-label={`${label} text`} className={`${field} font-mono text-sm`} placeholder="Paste the text here…" />
          <label className="mt-2 flex items-center gap-2 text-sm text-muted">
            Read as
            <select name="format" className="rounded border border-rule bg-panel px-2 py-1">
              <option value="text">plain text</option>
              <option value="markdown">Markdown</option>
              <option value="html">HTML</option>
            </select>
          </label>
        </Tabs.Content>
        <Tabs.Content value="file">
          <input type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf" aria-label={`${label} file`} className="text-sm" />
          <p className="mt-1 text-sm text-muted">Plain text, Markdown or HTML, up to 5 MB.</p>
        </Tabs.Content>
        <Tabs.Content value="url">
          <input type="url" name="url" aria-label={`${label} address`} placeholder="https://…" className={field} />
        </Tabs.Content>
      </Tabs.Root>
    </fieldset>
  );
}
