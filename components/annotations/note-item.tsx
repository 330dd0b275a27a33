// One annotation in a thread: who wrote it and when, "edited", its body — or the placeholder a deleted note leaves.
import { useState } from "react";
import type { RichTextNode } from "@/core/rich-text/rich-text-node.ts";
import type { AnnotationView } from "@/server/annotations/list-annotations.ts";
import type { Mentionable } from "./mention-suggestion.ts";
import { NoteEditor } from "./note-editor.tsx";
import { RichTextView } from "./rich-text-view.tsx";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

interface Props {
  note: AnnotationView;
  members: readonly Mentionable[];
  mayEdit: boolean;
  mayDelete: boolean;
  onEdit: (body: RichTextNode) => Promise<boolean>;
  onDelete: () => void;
}

/** The note, with Edit and Delete where the reader may use them. */
export function NoteItem({ note, members, mayEdit, mayDelete, onEdit, onDelete }: Props) {
  const [editing, setEditing] = useState(false);
  if (note.deleted) {
    return (
      <p className="text-xs italic text-muted" data-note-deleted>
        This note was deleted.
      </p>
    );
  }
  return (
    <div data-note-id={note.id}>
      <p className="flex flex-wrap items-baseline gap-x-1.5 text-xs text-muted">
        <span className="font-medium text-ink">{note.author?.name ?? "Former member"}</span>
        <time dateTime={note.createdAt}>{when(note.createdAt)}</time>
        {note.editedAt ? (
          <span title={`Edited ${when(note.editedAt)}; the earlier text is kept in the history`} data-note-edited>
            · edited
          </span>
        ) : null}
      </p>
      {editing ? (
        <div className="mt-1">
          <NoteEditor
            label="Edit note"
            members={members}
            initial={note.body}
            submitLabel="Save"
            onSubmit={async (body) => {
              const saved = await onEdit(body);
              if (saved) setEditing(false);
              return saved;
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : (
        <RichTextView body={note.body} className="rich-text mt-0.5 text-sm" />
      )}
      {!editing && (mayEdit || mayDelete) ? (
        <p className="mt-0.5 flex gap-2 text-xs">
          {mayEdit ? (
            <button type="button" onClick={() => setEditing(true)} className="text-accent hover:underline">
              Edit
            </button>
          ) : null}
          {mayDelete ? (
            <button type="button" onClick={onDelete} className="text-muted hover:text-[var(--contradicted)] hover:underline">
              Delete
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
