"use client";
// The reader's "Export" menu: the dossier as files to download (through export jobs), its printable report, and importing annotations back.
import { Popover } from "radix-ui";
import { useState } from "react";
import type { JobView } from "@/server/jobs/present-job.ts";
import { downloadWhenReady, startDownload } from "../jobs/start-download.ts";
import { ImportAnnotations } from "./import-annotations.tsx";
import { sendJson } from "./send-json.ts";

/** What the menu offers: each export format, with a line on what it is for. */
const DOWNLOADS = [
  { format: "csv", label: "Spreadsheet (CSV)", hint: "One row per claim: verdict, review state, source, quote, offsets, score, reviewer." },
  { format: "md", label: "Markdown", hint: "The briefing with a footnote quoting each claim's evidence." },
  { format: "jsonld", label: "Web Annotations (JSON-LD)", hint: "Links and notes for annotation tools; imports back into a dossier." },
] as const;

/**
 * An "Export" button whose popover starts the downloads, links to the report, and imports a Web
 * Annotation file. A download is an export job: a small dossier's file is written at once and
 * downloads straight away; a large one's job shows its progress above the reader, and its file
 * downloads when it is ready.
 */
export function ExportMenu({ dossierId }: { dossierId: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function exportAs(format: string) {
    setBusy(format);
    setStatus(null);
    const result = await sendJson<JobView>("POST", `/api/v1/dossiers/${dossierId}/exports`, { format });
    setBusy(null);
    if (!result.ok) return setStatus(result.error.message);
    const job = result.data;
    if (job.file) {
      startDownload(job.file.url, job.file.filename);
      return setStatus(`Downloading ${job.file.filename}.`);
    }
    downloadWhenReady(job.id);
    setStatus("This export runs in the background (its progress shows above the reader) and downloads when it is ready.");
  }

  return (
    <Popover.Root onOpenChange={() => setStatus(null)}>
      <Popover.Trigger className="rounded border border-rule px-2.5 py-1 text-sm hover:border-accent hover:bg-accent-soft">Export</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} className="z-50 w-80 rounded-lg border border-rule bg-panel p-2 text-sm text-ink shadow-lg" aria-label="Export">
          <ul>
            {DOWNLOADS.map((d) => (
              <li key={d.format}>
                <button
                  type="button"
                  onClick={() => void exportAs(d.format)}
                  disabled={busy !== null}
                  aria-busy={busy === d.format}
                  className="block w-full rounded px-2 py-1.5 text-left hover:bg-accent-soft disabled:opacity-60"
                  data-export={d.format}
                >
                  <span className="block font-medium">{d.label}</span>
                  <span className="block text-xs text-muted">{d.hint}</span>
                </button>
              </li>
            ))}
            <li className="mt-1 border-t border-rule pt-1">
              <a href={`/dossiers/${dossierId}/report`} target="_blank" rel="noopener" className="block rounded px-2 py-1.5 hover:bg-accent-soft" data-export="report">
                <span className="block font-medium">Printable report</span>
                <span className="block text-xs text-muted">Coverage, then each claim with its evidence; print it or save it as PDF.</span>
              </a>
            </li>
            <li className="mt-1 border-t border-rule pt-1">
              <ImportAnnotations dossierId={dossierId} />
            </li>
          </ul>
          <p role="status" className={status ? "px-2 pt-1.5 text-xs text-muted" : "sr-only"} data-export-status>
            {status}
          </p>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
