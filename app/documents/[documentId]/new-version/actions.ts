"use server";
// Stores the form's text as the document's next version (or queues its import) and returns to the dossier.
import { redirect } from "next/navigation";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { addDocumentVersion } from "@/server/documents/add-document-version.ts";
import { isQueued } from "@/server/documents/queue-import.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { readDocumentForm } from "@/server/http/read-document-request.ts";

/** The form's state after an attempt that did not store a version. */
export interface NewVersionState {
  error: string | null;
  notice: string | null;
}

export async function addVersionAction(previous: NewVersionState, form: FormData): Promise<NewVersionState> {
  const documentId = String(form.get("documentId") ?? "");
  const dossierId = String(form.get("dossierId") ?? "");
  try {
    const { document } = await readDocumentForm(form);
    // A large import goes to a background job: the dossier shows its progress.
    const result = await addDocumentVersion(await getDb(), { documentId, document, actor: await getRequestActor(), background: true });
    if (!isQueued(result) && !result.created) return { error: null, notice: "This text is the same as the latest version: nothing changed." };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, notice: null };
    throw error;
  }
  redirect(`/dossiers/${dossierId}`);
}
