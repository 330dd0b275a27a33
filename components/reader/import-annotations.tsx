"use client";
// Imports a Web Annotation export (JSON-LD) into the open dossier and says what it placed and what it could not.
import { useId, useRef, useState } from "react";
import { sendJson } from "./send-json.ts";

/** What the server answers to an import (see server/exports/import-web-annotations.ts). */
interface ImportResult {
  linksCreated: number;
  linksUpdated: number;
  notesCreated: number;
  notesSkipped: number;
  unplaced: { id: string; what: "link" | "note"; reason: string }[];
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** One line saying what an import did. */
export function describeImport(result: ImportResult): string {
  const parts = [
    `${count(result.linksCreated, "link")} made`,
    `${count(result.linksUpdated, "link")} brought up to date`,
    `${count(result.notesCreated, "note")} made`,
  ];
  if (result.notesSkipped > 0) parts.push(`${count(result.notesSkipped, "note")} already here`);
  const placed = `Imported: ${parts.join(", ")}.`;
  return result.unplaced.length === 0 ? placed : `${placed} ${count(result.unplaced.length, "annotation")} could not be placed.`;
}

/** A file picker that posts the chosen export to the dossier's import route, then reports the outcome. */
export function ImportAnnotations({ dossierId }: { dossierId: string }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean; unplaced?: ImportResult["unplaced"] }>({ busy: false });

  async function importFile(file: File) {
    setState({ busy: true, message: `Importing ${file.name}…` });
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setState({ busy: false, error: true, message: `${file.name} is not JSON: choose a Web Annotation export (.jsonld).` });
      return;
    }
    const result = await sendJson<ImportResult>("POST", `/api/v1/dossiers/${dossierId}/import`, json);
    if (!result.ok) {
      setState({ busy: false, error: true, message: `Nothing was imported: ${result.error.message}` });
      return;
    }
    setState({ busy: false, message: describeImport(result.data), unplaced: result.data.unplaced });
  }

  return (
    <div className="px-2 py-1.5" data-import-annotations>
      <label htmlFor={inputId} className="block cursor-pointer font-medium">
        Import Web Annotations…
      </label>
      <span className="block text-xs text-muted">Links and notes from a JSON-LD export, placed by quote; importing twice adds nothing.</span>
      <input
        id={inputId}
        ref={input}
        type="file"
        accept=".jsonld,.json,application/ld+json,application/json"
        disabled={state.busy}
        className="mt-1 block w-full text-xs file:mr-2 file:rounded file:border file:border-rule file:bg-bg file:px-2 file:py-0.5"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void importFile(file);
          if (input.current) input.current.value = "";
        }}
      />
      {state.message ? (
        <p role={state.error ? "alert" : "status"} className={`mt-1 text-xs ${state.error ? "text-[var(--contradicted)]" : "text-ink"}`} data-import-result>
          {state.message}
        </p>
      ) : null}
      {state.unplaced && state.unplaced.length > 0 ? (
        <ul className="mt-1 max-h-32 overflow-auto text-xs text-muted" aria-label="Not placed">
          {state.unplaced.slice(0, 20).map((u) => (
            <li key={`${u.what}-${u.id}`}>
              {u.what}: {u.reason}
            </li>
          ))}
          {state.unplaced.length > 20 ? <li>and {state.unplaced.length - 20} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
