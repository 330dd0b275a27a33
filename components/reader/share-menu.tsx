"use client";
// Publishing a dossier read-only by link: show, copy, create or withdraw the link.
import { Popover } from "radix-ui";
import { useState } from "react";
import { sendJson } from "./send-json.ts";

interface Props {
  dossierId: string;
  publishedPath: string | null;
}

/** A "Share" button whose popover manages the read-only link (owners may change it). */
export function ShareMenu({ dossierId, publishedPath }: Props) {
  const [path, setPath] = useState(publishedPath);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const url = path && typeof window !== "undefined" ? new URL(path, window.location.origin).toString() : path;

  async function change(published: boolean) {
    setBusy(true);
    setMessage(null);
    const result = await sendJson<{ publishedPath: string | null }>("POST", `/api/v1/dossiers/${dossierId}/publication`, { published });
    setBusy(false);
    if (result.ok) {
      setPath(result.data.publishedPath);
      setMessage(published ? "Anyone with the link can now read this dossier." : "The link no longer works.");
    } else setMessage(result.error.message);
  }

  return (
    <Popover.Root>
      <Popover.Trigger className="rounded border border-rule px-2.5 py-1 text-sm hover:border-accent hover:bg-accent-soft">
        Share{path ? " · published" : ""}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} className="z-50 w-80 rounded-lg border border-rule bg-panel p-4 text-sm text-ink shadow-lg">
          <p className="mb-2 font-medium">Read-only link</p>
          {path ? (
            <>
              <p className="mb-2 text-muted">Anyone with this link reads the briefing, the sources, the links and the verdicts, and changes nothing.</p>
              <input readOnly value={url ?? ""} aria-label="Read-only link" className="mb-2 w-full rounded border border-rule bg-bg px-2 py-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
              <div className="flex gap-2">
                <button type="button" className="rounded border border-rule px-2 py-1 hover:bg-accent-soft" onClick={() => void navigator.clipboard?.writeText(url ?? "").then(() => setMessage("Copied."))}>
                  Copy
                </button>
                <button type="button" disabled={busy} className="rounded border border-rule px-2 py-1 hover:bg-accent-soft" onClick={() => void change(false)}>
                  Stop sharing
                </button>
              </div>
            </>
          ) : (
            <>
              <p className="mb-2 text-muted">Not published. A link lets anyone read this dossier without an account.</p>
              <button type="button" disabled={busy} className="rounded bg-accent px-2.5 py-1 font-medium text-white dark:text-black" onClick={() => void change(true)}>
                Publish a read-only link
              </button>
            </>
          )}
          <p role="status" className="mt-2 min-h-[1.25rem] text-muted">
            {message}
          </p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
