"use client";
// The form that starts a dossier from a briefing: pasted, uploaded, or fetched from an address.
import { useActionState, useState } from "react";
import { Tabs } from "radix-ui";
import type { NewDossierState } from "@/app/new/actions.ts";
import type { WorkspaceOption } from "@/server/dossiers/list-workspaces.ts";

interface Props {
  workspaces: WorkspaceOption[];
  action: (state: NewDossierState, form: FormData) => Promise<NewDossierState>;
}

const field = "w-full rounded-md border border-rule bg-panel px-3 py-2 text-ink focus:border-accent";
const label = "mb-1 block text-sm font-medium";

/** Title, workspace, briefing (paste / file / URL) and where the briefing came from. */
export function NewDossierForm({ workspaces, action }: Props) {
  const [state, submit, pending] = useActionState(action, { error: null });
  const [from, setFrom] = useState("text");
  return (
    <form action={submit} className="space-y-6">
      <input type="hidden" name="from" value={from} />
      <div>
        <label htmlFor="title" className={label}>
          Title <span className="font-normal text-muted">(optional: the briefing's own title otherwise)</span>
        </label>
        <input id="title" name="title" maxLength={300} className={field} />
      </div>
      {workspaces.length > 1 ? (
        <div>
          <label htmlFor="workspaceId" className={label}>
            Workspace
          </label>
          <select id="workspaceId" name="workspaceId" className={field}>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="workspaceId" value={workspaces[0]?.id ?? ""} />
      )}
      <fieldset>
        <legend className={label}>Briefing</legend>
        <Tabs.Root value={from} onValueChange={setFrom}>
          <Tabs.List aria-label="Where the briefing comes from" className="mb-3 flex gap-1 border-b border-rule">
            {[
              ["text", "Paste"],
              ["file", "File"],
              ["url", "Address"],
            ].map(([value, name]) => (
              <Tabs.Trigger
                key={value}
                value={value}
                className="border-b-2 border-transparent px-3 py-1.5 text-sm text-muted data-[state=active]:border-accent data-[state=active]:text-ink"
              >
                {name}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <Tabs.Content value="text">
            <textarea name="text" rows={12} aria-label="Briefing text" className={`${field} font-mono text-sm`} placeholder="Paste the briefing here…" />
            <label className="mt-2 flex items-center gap-2 text-sm text-muted">
              Read as
              <select name="format" className="rounded border border-rule bg-panel px-2 py-1">
                <option value="text">plain text</option>
                <option value="markdown">Markdown</option>
                <option value="html">HTML</option>
              </select>
            </label>
          </Tabs.Content>
          <Tabs.Content value="file">
            <input type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" aria-label="Briefing file" className="text-sm" />
            <p className="mt-1 text-sm text-muted">Plain text, Markdown or HTML, up to 5 MB.</p>
          </Tabs.Content>
          <Tabs.Content value="url">
            <input type="url" name="url" aria-label="Briefing address" placeholder="https://…" className={field} />
          </Tabs.Content>
        </Tabs.Root>
      </fieldset>
      <div>
        <label htmlFor="provenance" className={label}>
          Where the briefing came from <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea id="provenance" name="provenance" rows={2} maxLength={1000} className={field} />
      </div>
      {state.error ? (
        <p role="alert" className="rounded-md border border-[var(--contradicted)] px-3 py-2 text-sm text-[var(--contradicted)]">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-md bg-accent px-4 py-2 font-medium text-white disabled:opacity-60 dark:text-black">
        {pending ? "Reading the briefing…" : "Create dossier"}
      </button>
    </form>
  );
}
