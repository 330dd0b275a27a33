"use client";
// The briefing edited in place by several people at once: a shared draft over Yjs, claims as marks, saved as the briefing's next version.
import { HocuspocusProvider } from "@hocuspocus/provider";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { briefingExtensions } from "@/core/briefing/briefing-extensions.ts";
import { sanitizeHtmlToAllowlist } from "@/core/import/sanitize-html-to-allowlist.ts";
import type { Block } from "@/core/text/types.ts";
import { BRIEFING_FRAGMENT, BRIEFING_META, COLLAB_PATH, briefingRoom, type BriefingDraftMeta } from "@/core/briefing/briefing-room.ts";
import type { SavedBriefingEdit } from "@/server/documents/save-briefing-edit.ts";
import { focusUnlessPlaced } from "../focus-unless-placed.ts";
import { sendJson } from "../reader/send-json.ts";
import styles from "./briefing-editor.module.css";

interface Props {
  documentId: string;
  /** The version shown in the reader; the draft may be based on it or on a later one. */
  versionId: string;
  text: string;
  blocks: Block[];
  claims: { id: string; start: number; end: number; state: string }[];
  /** Called once the new version is stored, with a sentence saying what happened to the claims. */
  onSaved: (summary: string, saved: SavedBriefingEdit) => void | Promise<void>;
  /** Leaves the editor; the changes made here (and not saved) are undone first. */
  onCancel: () => void;
}

/** One connection to the briefing's room: the shared document and its provider. */
interface Room {
  doc: Y.Doc;
  provider: HocuspocusProvider;
}

/**
 * The briefing's shared draft, connected to the collaboration server at `COLLAB_PATH` on the
 * app's own origin (the session cookie goes with the upgrade). The provider reconnects by itself
 * after a dropped connection and sends what was typed meanwhile.
 */
export function BriefingEditor(props: Props) {
  const [room, setRoom] = useState<Room | null>(null);
  const [refused, setRefused] = useState(false);
  const caret = useCaretUser();
  useEffect(() => {
    const doc = new Y.Doc();
    const url = `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}${COLLAB_PATH}`;
    // The editor is made once the draft has arrived, so nothing is typed into an empty document first.
    const provider = new HocuspocusProvider({
      url,
      name: briefingRoom(props.documentId),
      document: doc,
      onSynced: () => setRoom((current) => current ?? { doc, provider }),
      onAuthenticationFailed: () => setRefused(true),
    });
    return () => {
      setRoom(null);
      provider.destroy();
      doc.destroy();
    };
  }, [props.documentId]);
  if (!room || !caret) {
    return (
      <p className="text-sm text-muted" role="status" data-collab-status>
        {refused ? "You may not edit this briefing (your access or role changed)." : "Opening the shared draft…"}
      </p>
    );
  }
  return <SharedBriefingEditor key={props.documentId} {...props} room={room} caret={caret} />;
}

/** How this person's caret is shown to co-editors. */
interface CaretUser {
  name: string;
  color: string;
}

/**
 * This person's name and caret colour, read from their session before the editor is made: a
 * co-editor's view draws a caret once and keeps its label, so the name must be in it from the
 * first caret sent. Null while it is read; a nameless caret when the session cannot be read.
 */
function useCaretUser(): CaretUser | null {
  const [user, setUser] = useState<CaretUser | null>(null);
  useEffect(() => {
    let live = true;
    void fetch("/api/auth/get-session")
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: { id: string; name: string } } | null) => {
        if (!session?.user) return { name: "", color: CARET_COLOURS[0] };
        const hash = [...session.user.id].reduce((sum, c) => (sum * 31 + c.charCodeAt(0)) >>> 0, 7);
        return { name: session.user.name, color: CARET_COLOURS[hash % CARET_COLOURS.length] };
      })
      .catch(() => ({ name: "", color: CARET_COLOURS[0] }))
      .then((read) => {
        if (live) setUser(read);
      });
    return () => {
      live = false;
    };
  }, []);
  return user;
}

const CARET_COLOURS = ["#b45309", "#0f766e", "#7c3aed", "#be123c", "#1d4ed8", "#4d7c0f"];

function SharedBriefingEditor({ documentId, claims, onSaved, onCancel, room, caret }: Props & { room: Room; caret: CaretUser }) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [connected, setConnected] = useState(true);
  const [savedBy, setSavedBy] = useState<string | null>(null);
  const saveRef = useRef<() => void>(() => {});
  const [stateOf] = useState(() => {
    const states = new Map(claims.map((c) => [c.id, c.state]));
    return (id: string) => states.get(id);
  });
  const editor = useEditor({
    immediatelyRender: false,
    onCreate: focusUnlessPlaced("start"),
    extensions: [
      ...briefingExtensions({ HTMLAttributes: { class: styles.claim }, stateOf }),
      Collaboration.configure({ document: room.doc, field: BRIEFING_FRAGMENT }),
      CollaborationCaret.configure({ provider: room.provider, user: caret }),
    ],
    editorProps: {
      attributes: { class: "prose-reading", "aria-label": "Briefing text", "aria-multiline": "true", role: "textbox", "data-briefing-editor": "" },
      // Pasted HTML is reduced to text, structure and safe links before the editor parses it (a
      // pasted claim's text comes without its claim mark: saving decides which claim it is).
      transformPastedHTML: sanitizeHtmlToAllowlist,
      handleKeyDown: (_view, event) => {
        if (event.key !== "s" || !(event.metaKey || event.ctrlKey)) return false;
        event.preventDefault();
        saveRef.current();
        return true;
      },
    },
  });

  // A lost connection is said; a refused reconnection (access or role changed) stops the typing.
  useEffect(() => {
    const { provider } = room;
    const onStatus = ({ status }: { status: string }) => setConnected(status === "connected");
    const onRefused = () => {
      editor?.setEditable(false);
      setError("You can no longer edit this briefing (your access or role changed). Copy what you need and close the editor.");
    };
    provider.on("status", onStatus);
    provider.on("authenticationFailed", onRefused);
    return () => {
      provider.off("status", onStatus);
      provider.off("authenticationFailed", onRefused);
    };
  }, [room, editor]);
  // When a co-editor saves a version, this editor says so.
  useEffect(() => {
    const meta = room.doc.getMap(BRIEFING_META);
    let last = (meta.get("saved") as BriefingDraftMeta["saved"])?.versionId;
    const onChange = () => {
      const saved = meta.get("saved") as BriefingDraftMeta["saved"];
      if (!saved || saved.versionId === last) return;
      last = saved.versionId;
      setSavedBy(`${saved.by || "Someone"} saved the draft as version ${saved.number}.`);
    };
    meta.observe(onChange);
    return () => meta.unobserve(onChange);
  }, [room]);
  // When the editor closes, focus goes back to the control that opened it rather than to the page.
  useEffect(
    () => () => {
      requestAnimationFrame(() => {
        if (!document.activeElement || document.activeElement === document.body) document.querySelector<HTMLElement>("[data-edit-briefing]")?.focus();
      });
    },
    [],
  );

  const save = async () => {
    if (!editor || saving) return;
    setSaving(true);
    setError(null);
    // What was typed here reaches the server before it saves the draft.
    await untilSent(room.provider);
    const result = await sendJson<SavedBriefingEdit>("POST", `/api/v1/documents/${documentId}/draft/commit`, {});
    if (!result.ok) {
      setSaving(false);
      return setError(result.error.message);
    }
    await onSaved(summarise(result.data), result.data);
  };
  saveRef.current = () => void save();

  /** Cancel undoes this person's own changes (co-editors' stay), then leaves. */
  const cancel = async () => {
    if (editor) while (editor.can().undo()) if (!editor.commands.undo()) break;
    await untilSent(room.provider);
    onCancel();
  };

  return (
    // Keys and clicks stay here: the reader's own keys and claim picking would act on the text being typed.
    <div className={styles.editor} onKeyDown={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()} data-briefing-editing>
      {/* The pane's top padding is 1.25rem: the bar sticks to its very edge, so no text shows above it. */}
      <div className="sticky top-[-1.25rem] z-10 -mx-2 mb-3 border-b border-rule bg-bg px-2 py-2">
        <Toolbar editor={editor} saving={saving} onSave={() => void save()} onCancel={() => void cancel()} />
        <p className="mt-1 text-xs text-muted" role="status" data-collab-status>
          {!connected ? "Reconnecting… your changes are kept and sent once the connection is back." : savedBy ?? "Shared draft: co-editors' changes appear as they type."}
        </p>
        {error ? (
          <p role="alert" className="mt-2 rounded border border-[var(--contradicted)] px-3 py-2 text-sm text-[var(--contradicted)]" data-edit-error>
            {error}
          </p>
        ) : null}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
}

/** Resolves once every local change has been acknowledged by the server (or after 5 s). */
async function untilSent(provider: HocuspocusProvider): Promise<void> {
  const until = Date.now() + 5_000;
  while (provider.unsyncedChanges > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** "Saved as version 4: 40 claims kept, 1 new, 1 retired." */
function summarise(saved: SavedBriefingEdit): string {
  if (!saved.created || !saved.claims) return "No change to save.";
  const { kept, added, retired } = saved.claims;
  return `Saved as version ${saved.number}: ${kept} claim${kept === 1 ? "" : "s"} kept, ${added} new, ${retired} retired.`;
}

const BLOCKS = [
  { label: "Text", active: (e: Editor) => e.isActive("paragraph") && !e.isActive("bulletList") && !e.isActive("blockquote"), run: (e: Editor) => e.chain().focus().clearNodes().run() },
  { label: "Heading", active: (e: Editor) => e.isActive("heading"), run: (e: Editor) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { label: "List", active: (e: Editor) => e.isActive("bulletList"), run: (e: Editor) => e.chain().focus().toggleBulletList().run() },
  { label: "Quote", active: (e: Editor) => e.isActive("blockquote"), run: (e: Editor) => e.chain().focus().toggleBlockquote().run() },
];

function Toolbar({ editor, saving, onSave, onCancel }: { editor: Editor | null; saving: boolean; onSave: () => void; onCancel: () => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? { active: BLOCKS.map((b) => b.active(e)), undo: e.can().undo(), redo: e.can().redo() } : null),
  });
  const button = "rounded border border-rule px-2 py-0.5 text-sm hover:border-accent hover:bg-accent-soft disabled:opacity-50";
  return (
    <div role="toolbar" aria-label="Edit the briefing" className="flex flex-wrap items-center gap-1.5">
      {BLOCKS.map((block, i) => (
        <button
          key={block.label}
          type="button"
          className={`${button} aria-pressed:border-accent aria-pressed:bg-accent-soft`}
          aria-pressed={state?.active[i] ?? false}
          disabled={!editor}
          onClick={() => editor && block.run(editor)}
        >
          {block.label}
        </button>
      ))}
      <span className="mx-1 h-5 w-px bg-rule" aria-hidden />
      <button type="button" className={button} disabled={!state?.undo} onClick={() => editor?.chain().focus().undo().run()} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" className={button} disabled={!state?.redo} onClick={() => editor?.chain().focus().redo().run()} aria-keyshortcuts="Control+Shift+Z">
        Redo
      </button>
      <span className="flex-1" />
      <button type="button" className={button} onClick={onCancel} disabled={saving}>
        Cancel
      </button>
      <button type="button" className="rounded bg-accent px-2.5 py-0.5 text-sm font-medium text-[var(--panel)] disabled:opacity-60" onClick={onSave} disabled={!editor || saving} aria-keyshortcuts="Control+S">
        {saving ? "Saving…" : "Save"}
      </button>
    </div>
  );
}
