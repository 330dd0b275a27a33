"use client";
// The notes panel of the reader: the dossier's annotation threads in document order, filtered, with the composer N opens.
import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import type { ThreadView } from "@/server/annotations/list-annotations.ts";
import type { DossierView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { filterThreads, threadFacets, type ThreadFilter } from "./filter-threads.ts";
import { NoteEditor } from "./note-editor.tsx";
import { rangeAtOffsets } from "./range-at-offsets.ts";
import { ThreadCard, type ThreadPlace } from "./thread-card.tsx";
import { useAnnotationHighlights, type ShownDocument } from "./use-annotation-highlights.ts";
import type { Annotations, DraftTarget } from "./use-annotations.ts";

interface Props {
  notes: Annotations;
  dossier: DossierView;
  /** Makes a claim active (and one of its passages, for a link thread). */
  onShowClaim: (claimId: string, linkId?: string) => void;
  /** Brings a source's tab forward. */
  onShowSource: (documentId: string) => void;
}

const rootOf = (dossier: DossierView, documentId: string): Element | null =>
  dossier.briefings.some((b) => b.id === documentId)
    ? document.querySelector('[data-pane="briefing"]')
    : document.querySelector(`[data-source-text="${CSS.escape(documentId)}"]`);

/** Highlights the open annotated spans always; shows the panel while `notes.open`. */
export function AnnotationsPanel({ notes, dossier, onShowClaim, onShowSource }: Props) {
  const [filter, setFilter] = useState<ThreadFilter>({ status: "all", tag: null, authorId: null });
  const documents = useMemo<ShownDocument[]>(
    () => [...dossier.briefings, ...dossier.sources].map((d) => ({ documentId: d.id, versionId: d.versionId, root: () => rootOf(dossier, d.id) })),
    [dossier],
  );
  useAnnotationHighlights(notes.threads, documents, dossier);
  const threads = notes.threads ?? [];
  const facets = useMemo(() => threadFacets(threads), [threads]);
  const shown = useMemo(() => filterThreads(threads, filter), [threads, filter]);
  // A note just saved takes the focus, so the keyboard carries on from it.
  useEffect(() => {
    if (!notes.focusId) return;
    const card = document.querySelector<HTMLElement>(`[data-pane="notes"] [data-thread-id="${CSS.escape(notes.focusId)}"]`);
    card?.focus({ preventScroll: true });
    card?.scrollIntoView({ block: "nearest" });
  }, [notes.focusId, notes.threads]);
  if (!notes.enabled || !notes.open) return null;

  /** Closes the panel and leaves the focus on the button that opens it again. */
  const close = () => {
    notes.setOpen(false);
    requestAnimationFrame(() => document.querySelector<HTMLElement>("[data-notes-toggle]")?.focus({ preventScroll: true }));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    close();
  };

  const docById = new Map([...dossier.briefings, ...dossier.sources].map((d) => [d.id, d]));
  const claimText = (claimId: string | null) => dossier.claims.find((c) => c.id === claimId)?.text ?? null;
  const about = (t: ThreadView): ThreadPlace => {
    if (t.span) {
      const doc = docById.get(t.span.documentId);
      const label = doc ? (doc.kind === "briefing" ? "Briefing" : doc.title) : "A document";
      const status = t.span.anchorStatus === "orphaned" ? "orphaned" : doc && doc.versionId !== t.span.versionId ? "earlier" : t.span.anchorStatus === "changed" ? "changed" : "shown";
      return { label, quote: t.span.exact, status };
    }
    if (t.target === "link") return { label: "Passage of a claim", quote: claimText(t.claimId), status: "shown" };
    return { label: "Claim", quote: claimText(t.claimId), status: "shown" };
  };
  const show = (t: ThreadView) => {
    if (t.span) {
      const span = t.span;
      if (dossier.sources.some((s) => s.id === span.documentId)) onShowSource(span.documentId);
      requestAnimationFrame(() => {
        const root = rootOf(dossier, span.documentId);
        const range = root && docById.get(span.documentId)?.versionId === span.versionId ? rangeAtOffsets(root, span.start, span.end) : null;
        range?.startContainer.parentElement?.scrollIntoView({ block: "center" });
      });
    } else if (t.claimId) onShowClaim(t.claimId, t.linkId ?? undefined);
  };
  const draftAbout = (d: DraftTarget) =>
    d.kind === "span"
      ? { label: docById.get(d.documentId)?.title ?? "Source", quote: docById.get(d.documentId)?.text.slice(d.start, d.end) ?? "" }
      : { label: "Claim", quote: claimText(d.claimId) ?? "" };
  const openCount = threads.filter((t) => !t.resolved).length;
  const select = "rounded border border-rule bg-bg px-1 py-0.5 text-xs";

  return (
    <aside
      aria-label="Notes"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className="absolute inset-y-0 right-0 z-30 flex w-[22rem] max-w-full flex-col border-l border-rule bg-panel shadow-[-6px_0_20px_rgba(0,0,0,0.12)] xl:shadow-none"
      data-pane="notes"
    >
      <div className="flex items-center gap-2 border-b border-rule px-3 py-2">
        <h2 className="text-sm font-semibold">Notes</h2>
        <span className="text-xs text-muted">
          {openCount} open · {threads.length - openCount} resolved
        </span>
        <button type="button" onClick={close} className="ml-auto rounded px-1.5 text-sm text-muted hover:bg-accent-soft hover:text-ink" aria-label="Close the notes">
          ×
        </button>
      </div>
      <div className="flex flex-wrap gap-1.5 border-b border-rule px-3 py-1.5" role="group" aria-label="Filter the notes">
        <select aria-label="Status" className={select} value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as ThreadFilter["status"] })}>
          <option value="all">Open and resolved</option>
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
        </select>
        <select aria-label="Tag" className={select} value={filter.tag ?? ""} onChange={(e) => setFilter({ ...filter, tag: e.target.value || null })}>
          <option value="">Any tag</option>
          {facets.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        <select aria-label="Author" className={select} value={filter.authorId ?? ""} onChange={(e) => setFilter({ ...filter, authorId: e.target.value || null })}>
          <option value="">Anyone</option>
          {facets.authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="min-h-0 flex-1 space-y-2 overflow-y-auto px-3 py-2.5">
        {notes.draft ? (
          <section aria-label="New note" className="rounded-md border border-accent bg-bg p-2.5" data-note-draft>
            <p className="mb-1.5 text-xs text-muted">
              <span className="font-semibold uppercase tracking-wider">New note · {draftAbout(notes.draft).label}</span>
              <span className="mt-0.5 block border-l-2 border-accent pl-1.5 font-serif text-[0.8rem] text-ink">“{draftAbout(notes.draft).quote.slice(0, 200)}”</span>
            </p>
            <NoteEditor
              key={JSON.stringify(notes.draft)}
              label="New note"
              members={notes.people?.members ?? []}
              submitLabel="Save note"
              focusKey={notes.focusTick}
              onSubmit={(body) => notes.actions.create(body, [])}
              onCancel={notes.cancelDraft}
            />
          </section>
        ) : null}
        {notes.threads === null ? <p className="text-sm text-muted">Loading notes…</p> : null}
        {notes.threads && shown.length === 0 ? (
          <p className="text-sm text-muted">
            {threads.length === 0 ? "No notes yet. Select text in a source, or pick a claim, and press N." : "No note matches these filters."}
          </p>
        ) : null}
        {shown.map((t) => (
          <ThreadCard key={t.id} thread={t} notes={notes} about={about(t)} onShow={() => show(t)} />
        ))}
      </div>
    </aside>
  );
}

/** The top bar's button that shows or hides the notes, with the count of open threads. */
export function AnnotationsToggle({ notes }: { notes: Annotations }) {
  if (!notes.enabled) return null;
  const open = notes.threads?.filter((t) => !t.resolved).length ?? 0;
  return (
    <button
      type="button"
      onClick={() => notes.setOpen(!notes.open)}
      aria-pressed={notes.open}
      aria-keyshortcuts="n"
      data-notes-toggle
      className="rounded border border-rule px-2.5 py-1 text-sm hover:border-accent hover:bg-accent-soft aria-pressed:bg-accent-soft"
    >
      Notes{open ? ` · ${open}` : ""}
    </button>
  );
}
