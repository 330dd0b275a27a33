"use server";
// Creates a dossier from the new-dossier form and opens it.
import { redirect } from "next/navigation";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { createDossier } from "@/server/dossiers/create-dossier.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { readDocumentForm } from "@/server/http/read-document-request.ts";

/** The form's state after a failed attempt. */
export interface NewDossierState {
  error: string | null;
}

export async function createDossierAction(_previous: NewDossierState, form: FormData): Promise<NewDossierState> {
  let dossierId: string;
  try {
    const { document } = await readDocumentForm(form);
    const created = await createDossier(await getDb(), {
      dossier: { workspaceId: String(form.get("workspaceId") ?? ""), title: String(form.get("title") ?? ""), provenance: String(form.get("provenance") ?? "") },
      briefing: document,
      actor: await getRequestActor(),
    });
    dossierId = created.dossierId;
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect(`/dossiers/${dossierId}`);
}
