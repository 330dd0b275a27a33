// The dossier a page of /dossiers/[dossierId] shows, read once per request however many times it is asked for.
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { getDossierOrThrow, type DossierView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { AppError } from "@/server/errors/app-error.ts";

/**
 * The dossier for the signed-in reader of `path` (sent to sign in otherwise, and to "not found"
 * when it does not exist or is not theirs), with the server's time of the read. The title and the
 * page share the one read.
 */
export const loadDossierPage = cache(async function loadDossierPage(dossierId: string, path: string): Promise<DossierView & { readAt: string }> {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  try {
    // Taken before the read: a job that ends after it may not be in the view.
    const readAt = new Date().toISOString();
    return { ...(await getDossierOrThrow(await getDb(), dossierId, actor)), readAt };
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
});
