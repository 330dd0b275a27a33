// A new dossier, started from its briefing.
import type { Metadata } from "next";
import { NewDossierForm } from "@/components/new-dossier-form.tsx";
import { redirect } from "next/navigation";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { listWorkspaces } from "@/server/dossiers/list-workspaces.ts";
import { createDossierAction } from "./actions.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New dossier" };

export default async function NewDossierPage() {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect("/sign-in?next=/new");
  const workspaces = await listWorkspaces(await getDb(), actor);
  return (
    <div className="mx-auto max-w-2xl px-5 py-10">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">New dossier</h1>
      <p className="mb-8 text-muted">Start from the briefing to check; attach its sources next. Each sentence or bullet becomes a claim.</p>
      <NewDossierForm workspaces={workspaces} action={createDossierAction} />
    </div>
  );
}
