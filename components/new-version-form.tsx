"use client";
// The form that posts a new version of a source or briefing.
import { useActionState } from "react";
import type { NewVersionState } from "@/app/documents/[documentId]/new-version/actions.ts";
import { DocumentInputFields } from "./document-input-fields.tsx";
import { FormError } from "./form-error.tsx";

interface Props {
  documentId: string;
  dossierId: string;
  action: (state: NewVersionState, form: FormData) => Promise<NewVersionState>;
}

/** Paste, file or address for the next version, with what happened said in words. */
export function NewVersionForm({ documentId, dossierId, action }: Props) {
  const [state, submit, pending] = useActionState(action, { error: null, notice: null });
  return (
    <form action={submit} className="space-y-6">
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="dossierId" value={dossierId} />
      <DocumentInputFields label="New version" />
      <FormError message={state.error} />
      {state.notice ? (
        <p role="status" className="rounded-md border border-rule px-3 py-2 text-sm">
          {state.notice}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="rounded-md bg-accent px-4 py-2 font-medium text-white disabled:opacity-60 dark:text-black">
        {pending ? "Storing and re-anchoring…" : "Store new version"}
      </button>
    </form>
  );
}
