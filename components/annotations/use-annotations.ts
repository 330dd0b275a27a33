// The reader's annotations: the dossier's threads and members loaded from the API, the note being written, and every change to them.
import { useCallback, useEffect, useRef, useState } from "react";
import type { RichTextNode } from "@/core/rich-text/rich-text-node.ts";
import type { AnnotationMembers } from "@/server/annotations/list-annotation-members.ts";
import type { ThreadView } from "@/server/annotations/list-annotations.ts";
import { sendJson, type ApiResult } from "../reader/send-json.ts";

/** What a new thread is about, as the API takes it, with what the composer shows of it. */
export type DraftTarget =
  | { kind: "span"; versionId: string; documentId: string; start: number; end: number }
  | { kind: "claim"; claimId: string };

/** Text chosen in a source, as the reader follows it. */
interface ChosenText {
  documentId: string;
  versionId: string;
  start: number;
  end: number;
}

/** Everything the annotations panel shows and does; `enabled` false (published pages) loads nothing. */
export function useAnnotations(dossierId: string, options: { enabled: boolean; say: (text: string) => void }) {
  const { enabled, say } = options;
  const [threads, setThreads] = useState<ThreadView[] | null>(null);
  const [people, setPeople] = useState<AnnotationMembers | null>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<DraftTarget | null>(null);
  /** Bumped to ask the composer to take the focus again (N pressed while it is open). */
  const [focusTick, setFocusTick] = useState(0);
  const loaded = useRef(false);
  /** Where the focus was when N opened the composer, to give it back on cancel. */
  const returnTo = useRef<HTMLElement | null>(null);
  /** The thread to focus once the list shows it (a note just saved). */
  const [focusId, setFocusId] = useState<string | null>(null);

  /** Numbers the loads, so an answer that arrives after a newer one's is dropped. */
  const loads = useRef(0);

  const reload = useCallback(async () => {
    const load = ++loads.current;
    const [list, members] = await Promise.all([
      sendJson<ThreadView[]>("GET", `/api/v1/dossiers/${dossierId}/annotations`),
      sendJson<AnnotationMembers>("GET", `/api/v1/dossiers/${dossierId}/members`),
    ]);
    if (load !== loads.current) return;
    if (list.ok) setThreads(list.data);
    else say(list.error.message);
    if (members.ok) setPeople(members.data);
  }, [dossierId, say]);

  useEffect(() => {
    if (!enabled || loaded.current) return;
    loaded.current = true;
    void reload();
  }, [enabled, reload]);

  /** N: a note on the chosen source text if any, else on the active claim. */
  const annotate = useCallback(
    (chosen: ChosenText | null, claimId: string | null) => {
      if (!enabled) return;
      if (people && !people.me.mayAnnotate) return say("Your role does not allow notes in this workspace.");
      if (chosen) setDraft({ kind: "span", versionId: chosen.versionId, documentId: chosen.documentId, start: chosen.start, end: chosen.end });
      else if (claimId) setDraft({ kind: "claim", claimId });
      else return say("Select text in a source or pick a claim first, then press N.");
      returnTo.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      setOpen(true);
      setFocusTick((t) => t + 1);
    },
    [enabled, people, say],
  );

  /** Runs one change, then reloads the threads; answers whether it went through (else says why). */
  const run = useCallback(
    async (call: () => Promise<ApiResult<unknown>>, done: string): Promise<boolean> => {
      const result = await call();
      if (!result.ok) {
        say(result.error.message);
        if (result.error.status === 409) void reload();
        return false;
      }
      say(done);
      await reload();
      return true;
    },
    [reload, say],
  );

  const base = `/api/v1/annotations`;
  const actions = {
    create: async (body: RichTextNode, tags: string[]) => {
      if (!draft) return false;
      const { kind } = draft;
      const target = kind === "span" ? { kind, versionId: draft.versionId, start: draft.start, end: draft.end } : { kind, claimId: draft.claimId };
      let id: string | null = null;
      const ok = await run(async () => {
        const result = await sendJson<{ id: string }>("POST", `/api/v1/dossiers/${dossierId}/annotations`, { target, body, tags });
        if (result.ok) id = result.data.id;
        return result;
      }, "Note saved");
      if (ok) {
        setDraft(null);
        setFocusId(id);
      }
      return ok;
    },
    reply: (thread: ThreadView, body: RichTextNode) => run(() => sendJson("POST", `/api/v1/dossiers/${dossierId}/annotations`, { parentId: thread.id, body }), "Reply saved"),
    edit: (id: string, revision: number, body: RichTextNode) => run(() => sendJson("PATCH", `${base}/${id}`, { body, revision }), "Note edited"),
    remove: (id: string, revision: number) => run(() => sendJson("DELETE", `${base}/${id}`, { revision }), "Note deleted"),
    resolve: (thread: ThreadView, resolved: boolean) =>
      run(() => sendJson("POST", `${base}/${thread.id}/resolution`, { resolved, revision: thread.revision }), resolved ? "Thread resolved" : "Thread reopened"),
    retag: (thread: ThreadView, tags: string[]) => run(() => sendJson("PUT", `${base}/${thread.id}/tags`, { tags, revision: thread.revision }), "Tags saved"),
  };

  const cancelDraft = () => {
    setDraft(null);
    const target = returnTo.current;
    requestAnimationFrame(() => (target?.isConnected ? target : document.querySelector<HTMLElement>('[data-pane="notes"]'))?.focus({ preventScroll: true }));
  };

  return { enabled, threads, people, open, setOpen, draft, cancelDraft, annotate, focusTick, focusId, actions };
}

/** The annotations state the panel works with. */
export type Annotations = ReturnType<typeof useAnnotations>;
