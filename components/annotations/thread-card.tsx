// A thread in the notes panel: what it is about (an orphan says so, with its last known text), its notes, replies, and resolve, reopen and tags.
import { useState } from "react";
import type { ThreadView } from "@/server/annotations/list-annotations.ts";
import type { Annotations } from "./use-annotations.ts";
import { NoteEditor } from "./note-editor.tsx";
import { NoteItem } from "./note-item.tsx";

/** What a thread is about, in words: its document or "Claim", the text, and how its anchor stands. */
export interface ThreadPlace {
  label: string;
  quote: string | null;
  status: "shown" | "orphaned" | "changed" | "earlier";
}

interface Props {
  thread: ThreadView;
  notes: Annotations;
  about: ThreadPlace;
  onShow: () => void;
}

const clip = (text: string, n = 160) => (text.length > n ? `${text.slice(0, n)}…` : text);

/** The thread's card; changes go through `notes.actions`. */
export function ThreadCard({ thread, notes, about, onShow }: Props) {
  const [replying, setReplying] = useState(false);
  const [tagging, setTagging] = useState<string | null>(null);
  const me = notes.people?.me;
  const members = notes.people?.members ?? [];
  const may = me?.mayAnnotate ?? false;
  const own = (authorId: string | undefined) => !!me && authorId === me.id;
  const saveTags = async () => {
    if (tagging === null) return;
    const tags = tagging.split(",").map((t) => t.trim()).filter(Boolean);
    if (await notes.actions.retag(thread, tags)) setTagging(null);
  };
  return (
    <article
      className={`rounded-md border border-rule bg-bg p-2.5 ${thread.resolved ? "border-dashed" : ""}`}
      tabIndex={-1}
      data-thread-id={thread.id}
      data-resolved={thread.resolved ? "" : undefined}
      aria-label={`Note on ${about.label}`}
    >
      <button type="button" onClick={onShow} className="mb-1.5 block w-full text-left text-xs text-muted hover:text-ink" title="Show where this note is">
        <span className="font-semibold uppercase tracking-wider">{about.label}</span>
        {about.status === "orphaned" ? (
          <span className="ml-1.5 rounded bg-[var(--contradicted)] px-1 text-[0.65rem] font-semibold text-[var(--panel)]" title="Its text is gone from the latest version" data-orphaned>
            orphaned
          </span>
        ) : about.status === "changed" ? (
          <span className="ml-1.5 rounded border border-rule px-1 text-[0.65rem]">text changed</span>
        ) : about.status === "earlier" ? (
          <span className="ml-1.5 rounded border border-rule px-1 text-[0.65rem]">on an earlier version</span>
        ) : null}
        {about.quote ? (
          <span className="mt-0.5 block border-l-2 border-accent pl-1.5 font-serif text-[0.8rem] not-italic text-ink">
            {about.status === "orphaned" ? "Last known text: " : ""}“{clip(about.quote)}”
          </span>
        ) : null}
      </button>
      <NoteItem
        note={thread}
        members={members}
        mayEdit={may && own(thread.author?.id)}
        mayDelete={may && (own(thread.author?.id) || me?.role === "owner")}
        onEdit={(body) => notes.actions.edit(thread.id, thread.revision, body)}
        onDelete={() => void notes.actions.remove(thread.id, thread.revision)}
      />
      {thread.replies.length ? (
        <ol className="mt-2 space-y-2 border-l border-rule pl-2.5" aria-label="Replies">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <NoteItem
                note={reply}
                members={members}
                mayEdit={may && own(reply.author?.id)}
                mayDelete={may && (own(reply.author?.id) || me?.role === "owner")}
                onEdit={(body) => notes.actions.edit(reply.id, reply.revision, body)}
                onDelete={() => void notes.actions.remove(reply.id, reply.revision)}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {thread.tags.length && tagging === null ? (
        <p className="mt-1.5 flex flex-wrap gap-1" aria-label="Tags">
          {thread.tags.map((tag) => (
            <span key={tag} className="rounded-full bg-accent-soft px-1.5 text-[0.7rem] text-ink">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
      {tagging !== null ? (
        <div className="mt-1.5 flex gap-1">
          <input
            autoFocus
            value={tagging}
            onChange={(e) => setTagging(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") void saveTags();
              if (e.key === "Escape") {
                e.stopPropagation();
                setTagging(null);
              }
            }}
            aria-label="Tags, separated by commas"
            placeholder="sourcing, numbers"
            className="min-w-0 flex-1 rounded border border-rule bg-bg px-1.5 py-0.5 text-xs"
          />
          <button type="button" onClick={() => void saveTags()} className="rounded border border-rule px-1.5 text-xs hover:bg-accent-soft">
            Save tags
          </button>
        </div>
      ) : null}
      {replying ? (
        <div className="mt-2">
          <NoteEditor
            label="Reply"
            members={members}
            submitLabel="Reply"
            onSubmit={async (body) => {
              const saved = await notes.actions.reply(thread, body);
              if (saved) setReplying(false);
              return saved;
            }}
            onCancel={() => setReplying(false)}
          />
        </div>
      ) : may && !thread.deleted ? (
        <p className="mt-2 flex gap-3 text-xs">
          <button type="button" onClick={() => setReplying(true)} className="text-accent hover:underline">
            Reply
          </button>
          <button type="button" onClick={() => void notes.actions.resolve(thread, !thread.resolved)} className="text-accent hover:underline">
            {thread.resolved ? "Reopen" : "Resolve"}
          </button>
          {tagging === null ? (
            <button type="button" onClick={() => setTagging(thread.tags.join(", "))} className="text-accent hover:underline">
              Tags
            </button>
          ) : null}
          {thread.resolved ? <span className="ml-auto text-muted">Resolved</span> : null}
        </p>
      ) : null}
    </article>
  );
}
