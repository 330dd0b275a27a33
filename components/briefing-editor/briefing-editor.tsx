"use client";
// The briefing edited in place: StarterKit's blocks, claims as marks, saved as the briefing's next version.
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef, useState } from "react";
import { briefingToJson } from "@/core/briefing/briefing-to-json.ts";
import { jsonToBriefing } from "@/core/briefing/json-to-briefing.ts";
import type { Block } from "@/core/text/types.ts";
import type { SavedBriefingEdit } from "@/server/documents/save-briefing-edit.ts";
import { sendJson } from "../reader/send-json.ts";
import styles from "./briefing-editor.module.css";
import { ClaimMark } from "./claim-mark.ts";

interface Props {
  documentId: string;
  /** The version being edited; saving answers a conflict if another was saved since. */
  versionId: string;
  text: string;
  blocks: Block[];
  claims: { id: string; start: number; end: number; state: string }[];
  /** Called once the new version is stored, with a sentence saying what happened to the claims. */
  onSaved: (summary: string, saved: SavedBriefingEdit) => void | Promise<void>;
  /** Leaves the editor; the changes are discarded. */
  onCancel: () => void;
}

/** The briefing as an editable document; only the blocks a briefing keeps can be made. */
export function BriefingEditor({ documentId, versionId, text, blocks, claims, onSaved, onCancel }: Props) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const saveRef = useRef<() => void>(() => {});
  const [initial] = useState(() => {
    const states = new Map(claims.map((c) => [c.id, c.state]));
    return { json: briefingToJson(text, blocks, claims), stateOf: (id: string) => states.get(id), known: new Set(states.keys()) };
  });
  const editor = useEditor({
    immediatelyRender: false,
    autofocus: "start",
    extensions: [
      // Formatting a briefing version does not keep (bold, links…) is left out rather than silently lost.
      StarterKit.configure({ bold: false, italic: false, strike: false, code: false, underline: false, link: false, horizontalRule: false }),
      ClaimMark.configure({ HTMLAttributes: { class: styles.claim }, stateOf: initial.stateOf }),
    ],
    content: initial.json,
    editorProps: {
      attributes: { class: "prose-reading", "aria-label": "Briefing text", "aria-multiline": "true", role: "textbox", "data-briefing-editor": "" },
      handleKeyDown: (_view, event) => {
        if (event.key !== "s" || !(event.metaKey || event.ctrlKey)) return false;
        event.preventDefault();
        saveRef.current();
        return true;
      },
    },
  });

  // Unsaved changes are not left behind by closing the tab without a word.
  useEffect(() => {
    if (!editor) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!editor.can().undo()) return;
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [editor]);
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
    let edit;
    try {
      const { document, claims: spans } = jsonToBriefing(editor.getJSON());
      if (document.text === "") return setError("The briefing has no text left: write something, or cancel.");
      // Text pasted from another dossier may carry claim marks of its own: it is new text here.
      edit = { baseVersionId: versionId, text: document.text, blocks: document.blocks, claims: spans.filter((s) => initial.known.has(s.id)) };
    } catch (problem) {
      return setError(problem instanceof Error ? problem.message : String(problem));
    }
    setSaving(true);
    setError(null);
    const result = await sendJson<SavedBriefingEdit>("POST", `/api/v1/documents/${documentId}/edits`, edit);
    if (!result.ok) {
      setSaving(false);
      return setError(result.error.message);
    }
    await onSaved(summarise(result.data), result.data);
  };
  saveRef.current = () => void save();

  return (
    // Keys and clicks stay here: the reader's own keys and claim picking would act on the text being typed.
    <div className={styles.editor} onKeyDown={(e) => e.stopPropagation()} onClick={(e) => e.stopPropagation()} data-briefing-editing>
      {/* The pane's top padding is 1.25rem: the bar sticks to its very edge, so no text shows above it. */}
      <div className="sticky top-[-1.25rem] z-10 -mx-2 mb-3 border-b border-rule bg-bg px-2 py-2">
        <Toolbar editor={editor} saving={saving} onSave={() => void save()} onCancel={onCancel} />
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
