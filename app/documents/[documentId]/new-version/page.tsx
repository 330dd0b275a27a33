// A new version of a source or briefing: its links and notes follow the text.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { NewVersionForm } from "@/components/new-version-form.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { getDocumentOrThrow } from "@/server/documents/get-document-or-throw.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { addVersionAction } from "./actions.ts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New version" };

export default async function NewVersionPage({ params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(`/documents/${documentId}/new-version`)}`);
  let document;
  try {
    document = await getDocumentOrThrow(await getDb(), documentId, actor, "document.write");
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
  return (
    <div className="mx-auto max-w-2xl px-5 py-10">
      <p className="mb-2 text-sm text-muted">
        <Link href={`/dossiers/${document.dossierId}`} className="underline">
          {document.dossierTitle}
        </Link>
      </p>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">New version of “{document.title}”</h1>
      <p className="mb-8 text-muted">
        {document.kind === "source"
          ? `Version ${document.latestVersion + 1}. Decided links and notes are re-anchored: moved text is followed, edited passages are marked changed with their old text, and vanished ones are listed for re-check — never moved to a wrong place.`
          : `Version ${document.latestVersion + 1}. Claims whose text survives keep their links; new sentences become new claims.`}
      </p>
      <NewVersionForm documentId={document.id} dossierId={document.dossierId} action={addVersionAction} />
    </div>
  );
}
