"use client";
// The re-check queue: links and notes whose source text changed or vanished, the old and new text
// as a word diff, and confirm / drop / re-link.
import { useState } from "react";
import type { RecheckItem } from "@/server/reviews/list-recheck-queue.ts";
import { sendJson } from "../reader/send-json.ts";
import { useDeskAction } from "./use-desk-action.ts";

interface Props {
  dossierId: string;
  items: readonly RecheckItem[];
  /** The latest text of each source in the queue, to find a passage to re-link to. */
  sourceTexts: Readonly<Record<string, string>>;
  mayResolve: boolean;
}

export function RecheckQueue({ dossierId, items, sourceTexts, mayResolve }: Props) {
  if (items.length === 0) return <p className="text-sm text-muted">No link or note waits for a re-check.</p>;
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <RecheckCard key={`${item.kind}:${item.id}`} dossierId={dossierId} item={item} sourceText={sourceTexts[item.document.id] ?? null} mayResolve={mayResolve} />
      ))}
    </ol>
  );
}

/** The old text with deletions struck and insertions marked, word by word. */
function WordDiff({ item }: { item: RecheckItem }) {
  if (!item.diff) {
    return (
      <p className="font-reading">
        <del className="bg-[color-mix(in_srgb,var(--contradicted)_14%,transparent)]">{item.oldText}</del>
        <span className="ml-2 font-ui text-xs text-muted">no longer in the source</span>
      </p>
    );
  }
  return (
    <p className="font-reading" data-word-diff>
      {item.diff.map((change, i) =>
        change.op === "equal" ? (
          <span key={i}>{change.text}</span>
        ) : change.op === "delete" ? (
          <del key={i} className="bg-[color-mix(in_srgb,var(--contradicted)_14%,transparent)]" title="removed">
            {change.text}
          </del>
        ) : (
          <ins key={i} className="bg-[color-mix(in_srgb,var(--backed)_16%,transparent)] no-underline" title="added">
            {change.text}
          </ins>
        ),
      )}
    </p>
  );
}

function RecheckCard({ dossierId, item, sourceText, mayResolve }: { dossierId: string; item: RecheckItem; sourceText: string | null; mayResolve: boolean }) {
  const { run, busy, error } = useDeskAction();
  const [relinking, setRelinking] = useState(false);
  const [passage, setPassage] = useState(item.newText ?? item.oldText);
  const [problem, setProblem] = useState<string | null>(null);
  const target = item.kind === "link" ? { kind: "link", linkId: item.id } : { kind: "annotation", annotationId: item.id };
  const resolve = (resolution: Record<string, unknown>) =>
    run(() => sendJson("POST", `/api/v1/dossiers/${dossierId}/recheck`, { target, resolution: { ...resolution, revision: item.revision } }));
  const what = item.kind === "link" ? (item.linkState === "accepted" ? "Accepted link" : "Rejected link") : "Note";
  return (
    <li className="rounded-lg border border-rule bg-panel p-3 text-sm" data-recheck={item.id}>
      <p className="mb-1 text-xs text-muted">
        {what} in {item.document.title} · {item.anchorStatus === "changed" ? "the text changed" : "the text is gone (orphaned)"}
      </p>
      {item.claim ? (
        <p className="mb-1">
          Claim:{" "}
          <a href={`/dossiers/${dossierId}?claim=${item.claim.id}`} className="hover:underline">
            “{item.claim.text}”
          </a>
        </p>
      ) : null}
      {item.note ? <p className="mb-1 text-muted">Note: {item.note}</p> : null}
      <WordDiff item={item} />
      {mayResolve ? (
        <div className="mt-2 flex flex-wrap items-center gap-1.5">
          {item.anchorStatus === "changed" ? (
            <button type="button" disabled={busy} onClick={() => resolve({ action: "confirm" })} className="rounded border border-rule px-2 py-0.5 hover:border-accent hover:bg-accent-soft">
              Confirm on the new text
            </button>
          ) : null}
          <button type="button" disabled={busy} onClick={() => resolve({ action: "drop" })} className="rounded border border-rule px-2 py-0.5 hover:border-accent hover:bg-accent-soft">
            {item.kind === "link" ? "Drop (reject the link)" : "Drop (resolve the note)"}
          </button>
          {sourceText !== null ? (
            <button type="button" disabled={busy} aria-expanded={relinking} onClick={() => setRelinking((r) => !r)} className="rounded border border-rule px-2 py-0.5 hover:border-accent hover:bg-accent-soft">
              Re-link…
            </button>
          ) : null}
        </div>
      ) : null}
      {relinking && sourceText !== null ? (
        <form
          className="mt-2 flex flex-wrap items-center gap-1.5"
          onSubmit={(event) => {
            event.preventDefault();
            const wanted = passage.trim();
            const start = wanted ? sourceText.indexOf(wanted) : -1;
            if (start === -1) return setProblem(`That passage is not in the latest version of ${item.document.title}; copy it from the source exactly.`);
            setProblem(null);
            void resolve({ action: "relink", start, end: start + wanted.length });
          }}
        >
          <label className="flex min-w-0 flex-1 items-center gap-1.5">
            <span className="shrink-0 text-muted">Passage in the latest version</span>
            <input value={passage} onChange={(e) => setPassage(e.target.value)} className="min-w-0 flex-1 rounded border border-rule bg-bg px-1.5 py-0.5 font-reading" />
          </label>
          <button type="submit" disabled={busy} className="rounded bg-accent px-2 py-0.5 font-medium text-[var(--panel)]">
            Re-link here
          </button>
        </form>
      ) : null}
      {problem || error ? (
        <p role="alert" className="mt-1 text-[var(--contradicted)]">
          {problem ?? error}
        </p>
      ) : null}
    </li>
  );
}
