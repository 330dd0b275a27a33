"use client";
// The reader's "Export" menu: the dossier as files to download, its printable report, and importing annotations back.
import { Popover } from "radix-ui";
import { ImportAnnotations } from "./import-annotations.tsx";

/** What the menu offers: each export format, with a line on what it is for. */
const DOWNLOADS = [
  { format: "csv", label: "Spreadsheet (CSV)", hint: "One row per claim: verdict, review state, source, quote, offsets, score, reviewer." },
  { format: "md", label: "Markdown", hint: "The briefing with a footnote quoting each claim's evidence." },
  { format: "jsonld", label: "Web Annotations (JSON-LD)", hint: "Links and notes for annotation tools; imports back into a dossier." },
] as const;

/** An "Export" button whose popover links to the downloads and the report, and imports a Web Annotation file. */
export function ExportMenu({ dossierId }: { dossierId: string }) {
  return (
    <Popover.Root>
      <Popover.Trigger className="rounded border border-rule px-2.5 py-1 text-sm hover:border-accent hover:bg-accent-soft">Export</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} className="z-50 w-80 rounded-lg border border-rule bg-panel p-2 text-sm text-ink shadow-lg" aria-label="Export">
          <ul>
            {DOWNLOADS.map((d) => (
              <li key={d.format}>
                <a href={`/api/v1/dossiers/${dossierId}/export?format=${d.format}`} download className="block rounded px-2 py-1.5 hover:bg-accent-soft" data-export={d.format}>
                  <span className="block font-medium">{d.label}</span>
                  <span className="block text-xs text-muted">{d.hint}</span>
                </a>
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
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
