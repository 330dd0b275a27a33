"use client";
// The note editor: bold, italic, inline code, links (http, https, mailto), lists and @mentions, giving Tiptap JSON.
import { Extension } from "@tiptap/core";
import Mention from "@tiptap/extension-mention";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { sanitizeHtmlToAllowlist } from "@/core/import/sanitize-html-to-allowlist.ts";
import { isSafeRichTextHref, type RichTextNode } from "@/core/rich-text/rich-text-node.ts";
import { richTextToPlainText } from "@/core/rich-text/rich-text-to-plain-text.ts";
import { sanitizeRichText } from "@/core/rich-text/sanitize-rich-text.ts";
import { focusUnlessPlaced } from "../focus-unless-placed.ts";
import { mentionSuggestion, type Mentionable } from "./mention-suggestion.ts";

interface Props {
  /** Accessible name of the editing area ("New note", "Reply", "Edit note"). */
  label: string;
  members: readonly Mentionable[];
  initial?: RichTextNode;
  submitLabel: string;
  /** Saves the body; answers whether it was saved (the editor then empties or closes). */
  onSubmit: (body: RichTextNode) => Promise<boolean>;
  onCancel: () => void;
  /** Changes when the editor should take the focus again. */
  focusKey?: number;
}

/** A Tiptap editor limited to what notes store; Ctrl+Enter saves, Escape cancels. */
export function NoteEditor({ label, members, initial, submitLabel, onSubmit, onCancel, focusKey }: Props) {
  const membersRef = useRef(members);
  membersRef.current = members;
  const [busy, setBusy] = useState(false);
  const [linking, setLinking] = useState<string | null>(null);
  const [linkError, setLinkError] = useState("");
  /** The latest save and cancel, for the editor's own key bindings (made once, with the editor). */
  const keysRef = useRef({ submit: () => {}, cancel: () => {} });
  const editor = useEditor({
    immediatelyRender: false,
    onCreate: focusUnlessPlaced("end"),
    content: initial ?? "",
    extensions: [
      StarterKit.configure({
        heading: false,
        blockquote: false,
        codeBlock: false,
        horizontalRule: false,
        strike: false,
        underline: false,
        link: {
          openOnClick: false,
          // Tiptap makes autolinked marks inclusive, so typing after a link would extend it.
          autolink: false,
          defaultProtocol: "https",
          protocols: ["http", "https", "mailto"],
          isAllowedUri: (url) => isSafeRichTextHref(url),
        },
      }),
      Extension.create({
        name: "noteKeys",
        // Before the hard break's Mod-Enter; an open @mention list keeps its own Escape.
        priority: 1000,
        addKeyboardShortcuts: () => ({
          "Mod-Enter": () => {
            keysRef.current.submit();
            return true;
          },
          Escape: () => {
            if (document.querySelector(".mention-list")) return false;
            keysRef.current.cancel();
            return true;
          },
        }),
      }),
      Mention.configure({ HTMLAttributes: { class: "mention" }, suggestion: mentionSuggestion(() => membersRef.current) }),
    ],
    editorProps: {
      attributes: { "aria-label": label, "aria-multiline": "true", role: "textbox", class: "note-editor rich-text" },
      // Pasted HTML is reduced to text, structure and safe links before the editor parses it.
      transformPastedHTML: sanitizeHtmlToAllowlist,
    },
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      code: e?.isActive("code") ?? false,
      link: e?.isActive("link") ?? false,
      bulletList: e?.isActive("bulletList") ?? false,
      orderedList: e?.isActive("orderedList") ?? false,
      empty: e ? !e.getText().trim() : true,
    }),
  });
  useEffect(() => {
    if (focusKey) editor?.commands.focus("end");
  }, [editor, focusKey]);

  const submit = async () => {
    if (!editor || busy) return;
    const body = sanitizeRichText(editor.getJSON());
    if (!richTextToPlainText(body).trim()) return;
    setBusy(true);
    const saved = await onSubmit(body);
    setBusy(false);
    if (saved) editor.commands.clearContent();
  };
  keysRef.current = { submit: () => void submit(), cancel: onCancel };
  const applyLink = () => {
    if (!editor || linking === null) return;
    const href = linking.trim();
    if (href && !isSafeRichTextHref(href)) return setLinkError("Links may only be http, https or mailto addresses.");
    const chain = editor.chain().focus().extendMarkRange("link");
    if (href) chain.setLink({ href }).run();
    else chain.unsetLink().run();
    setLinking(null);
    setLinkError("");
  };
  // Keys outside the editing area (the link field, the buttons): Escape leaves the link field, else cancels.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.key !== "Escape") return;
    event.preventDefault();
    if (linking !== null) {
      setLinking(null);
      editor?.commands.focus();
    } else onCancel();
  };

  const tool = (name: string, text: string, active: boolean, run: () => void, className = "") => (
    <button
      type="button"
      aria-label={name}
      aria-pressed={active}
      title={name}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
      className={`min-w-7 rounded px-1.5 py-0.5 text-xs hover:bg-accent-soft aria-pressed:bg-accent-soft aria-pressed:text-ink ${className}`}
    >
      <span aria-hidden="true">{text}</span>
    </button>
  );
  return (
    <div className="rounded border border-rule bg-bg focus-within:border-accent" onKeyDown={onKeyDown} data-note-editor>
      <div className="flex flex-wrap items-center gap-0.5 border-b border-rule px-1 py-0.5 text-muted" role="toolbar" aria-label={`${label}: formatting`}>
        {tool("Bold", "B", state?.bold ?? false, () => editor?.chain().focus().toggleBold().run(), "font-bold")}
        {tool("Italic", "I", state?.italic ?? false, () => editor?.chain().focus().toggleItalic().run(), "italic")}
        {tool("Inline code", "</>", state?.code ?? false, () => editor?.chain().focus().toggleCode().run(), "font-mono")}
        {tool("Link", "Link", state?.link ?? false, () => setLinking(editor?.getAttributes("link").href ?? ""))}
        {tool("Bulleted list", "•", state?.bulletList ?? false, () => editor?.chain().focus().toggleBulletList().run())}
        {tool("Numbered list", "#", state?.orderedList ?? false, () => editor?.chain().focus().toggleOrderedList().run())}
        <span className="ml-auto pr-1 text-[0.7rem]">@ to mention</span>
      </div>
      {linking !== null ? (
        <div className="flex items-center gap-1 border-b border-rule px-1.5 py-1">
          <input
            autoFocus
            type="url"
            value={linking}
            onChange={(e) => setLinking(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                applyLink();
              }
            }}
            placeholder="https://…"
            aria-label="Link address"
            aria-invalid={linkError ? true : undefined}
            className="min-w-0 flex-1 rounded border border-rule bg-bg px-1.5 py-0.5 text-xs"
          />
          <button type="button" onClick={applyLink} className="rounded border border-rule px-1.5 py-0.5 text-xs hover:bg-accent-soft">
            Apply
          </button>
          {linkError ? <span className="text-xs text-[var(--contradicted)]" role="alert">{linkError}</span> : null}
        </div>
      ) : null}
      <EditorContent editor={editor} className="max-h-64 overflow-y-auto px-2 py-1.5 text-sm" />
      <div className="flex items-center justify-end gap-2 border-t border-rule px-1.5 py-1">
        <span className="mr-auto text-[0.7rem] text-muted">Ctrl+Enter saves · Esc cancels</span>
        <button type="button" onClick={onCancel} className="rounded px-2 py-0.5 text-xs hover:bg-accent-soft">
          Cancel
        </button>
        <button type="button" onClick={() => void submit()} disabled={busy || (state?.empty ?? true)} className="rounded bg-accent px-2 py-0.5 text-xs font-medium text-[var(--panel)] disabled:opacity-50">
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
