"use client";
// The form that starts a dossier from a briefing: pasted, uploaded, or fetched from an address.
import { useActionState } from "react";
import type { NewDossierState } from "@/app/new/actions.ts";
import type { WorkspaceOption } from "@/server/dossiers/list-workspaces.ts";
import { DocumentInputFields } from "./document-input-fields.tsx";
import { FormError } from "./form-error.tsx";

interface Props {
  workspaces: WorkspaceOption[];
  action: (state: NewDossierState, form: FormData) => Promise<NewDossierState>;
}

const field = "w-full rounded-md border border-rule bg-panel px-3 py-2 text-ink focus:border-accent";
const label = "mb-1 block text-sm font-medium";

/** Title, workspace, briefing (paste / file / URL) and where the briefing came from. */
export function NewDossierForm({ workspaces, action }: Props) {
  const [state, submit, pending] = useActionState(action, { error: null });
  return (
    <form action={submit} className="space-y-6">
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
      <DocumentInputFields label="Briefing" />
      <div>
        <label htmlFor="provenance" className={label}>
          Where the briefing came from <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea id="provenance" name="provenance" rows={2} maxLength={1000} className={field} />
      </div>
      <FormError message={state.error} />
      <button type="submit" disabled={pending} className="rounded-md bg-accent px-4 py-2 font-medium text-white disabled:opacity-60 dark:text-black">
        {pending ? "Reading the briefing…" : "Create dossier"}
      </button>
    </form>
  );
}
