// Attaches a source to the dossier in one step: paste text, upload a file, or give an address.
import { Dialog, Tabs } from "radix-ui";
import { useState, type FormEvent } from "react";
import type { QueuedImport } from "@/server/documents/queue-import.ts";
import { sendJson } from "./send-json.ts";

/** What the server answers for a new source. */
export interface AttachedSource {
  documentId: string;
  versionId: string;
  suggested: number;
  /** The background job computing the suggestions, when the dossier is too large to do it at once. */
  jobId?: string | null;
}

interface Props {
  dossierId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The source stored, or the import job that will store it (a page to fetch, a large file). */
  onAttached: (source: AttachedSource | QueuedImport) => void;
  /** Where focus goes back to when the dialog closes. */
  onCloseAutoFocus?: (event: Event) => void;
}

const field = "w-full rounded border border-rule bg-bg px-2.5 py-1.5 text-sm text-ink placeholder:text-muted focus-visible:outline-2";

/** A dialog with Paste / File / URL tabs posting to the dossier's sources. */
export function AttachSourceDialog({ dossierId, open, onOpenChange, onAttached, onCloseAutoFocus }: Props) {
  const [from, setFrom] = useState<"text" | "file" | "url">("text");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    form.set("from", from);
    setBusy(true);
    setError(null);
    const result = await sendJson<AttachedSource | QueuedImport>("POST", `/api/v1/dossiers/${dossierId}/sources`, form);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onAttached(result.data);
    onOpenChange(false);
  }

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (busy ? undefined : (setError(null), onOpenChange(next)))}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content onCloseAutoFocus={onCloseAutoFocus} className="fixed left-1/2 top-[12vh] z-50 w-[min(36rem,92vw)] -translate-x-1/2 rounded-lg border border-rule bg-panel p-5 text-ink shadow-xl">
          <Dialog.Title className="text-base font-semibold">Attach a source</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted">
            Suggestions for every claim are worked out again with the new source.
          </Dialog.Description>
          <form onSubmit={submit} className="mt-4 space-y-3">
            <Tabs.Root value={from} onValueChange={(v) => setFrom(v as typeof from)}>
              <Tabs.List aria-label="Where the source comes from" className="flex gap-1 border-b border-rule">
                {[
                  ["text", "Paste"],
                  ["file", "File"],
                  ["url", "URL"],
                ].map(([value, label]) => (
                  <Tabs.Trigger
                    key={value}
                    value={value}
                    className="border-b-2 border-transparent px-3 py-1.5 text-sm text-muted data-[state=active]:border-accent data-[state=active]:text-ink"
                  >
                    {label}
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
              <Tabs.Content value="text" className="pt-3">
                <label className="block text-sm">
                  <span className="mb-1 block text-muted">Text</span>
                  <textarea name="text" rows={8} className={field} placeholder="Paste the article’s text" required={from === "text"} />
                </label>
                <label className="mt-2 block text-sm">
                  <span className="mb-1 block text-muted">Format</span>
                  <select name="format" defaultValue="text" className={field}>
                    <option value="text">Plain text</option>
                    <option value="markdown">Markdown</option>
                    <option value="html">HTML</option>
                  </select>
                </label>
              </Tabs.Content>
              <Tabs.Content value="file" className="pt-3">
                <label className="block text-sm">
                  <span className="mb-1 block text-muted">A .txt, .md, .html or .pdf file</span>
                  <input type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf" className={field} required={from === "file"} />
                </label>
              </Tabs.Content>
              <Tabs.Content value="url" className="pt-3">
                <label className="block text-sm">
                  <span className="mb-1 block text-muted">Address of a public page</span>
                  <input type="url" name="url" placeholder="https://…" className={field} required={from === "url"} />
                </label>
              </Tabs.Content>
            </Tabs.Root>
            <div className="grid grid-cols-2 gap-2">
              <label className="block text-sm">
                <span className="mb-1 block text-muted">Title (optional)</span>
                <input name="title" className={field} />
              </label>
              <label className="block text-sm">
                <span className="mb-1 block text-muted">Author (optional)</span>
                <input name="author" className={field} />
              </label>
            </div>
            {error ? (
              <p role="alert" className="text-sm text-[var(--contradicted)]">
                {error}
              </p>
            ) : null}
            <div className="flex justify-end gap-2 pt-1">
              <Dialog.Close asChild>
                <button type="button" className="rounded border border-rule px-3 py-1.5 text-sm hover:bg-accent-soft" disabled={busy}>
                  Cancel
                </button>
              </Dialog.Close>
              <button type="submit" className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-[var(--panel)] disabled:opacity-60" disabled={busy}>
                {busy ? "Attaching…" : "Attach"}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
