// The dossier: its briefing beside its sources.
import type { Metadata } from "next";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { DossierReader } from "@/components/dossier-reader.tsx";
import type { ReaderPlace } from "@/components/reader/use-place-in-address.ts";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { getDossierOrThrow, type DossierView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { packDossierView } from "@/server/dossiers/pack-dossier-view.ts";
import { AppError } from "@/server/errors/app-error.ts";
import { canOnDossier } from "@/server/policies/can-on-dossier.ts";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ dossierId: string }> };
type Search = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The place the address asks the reader to open at (?claim=ID, or ?document=ID&at=OFFSET). */
function placeOf(search: Record<string, string | string[] | undefined>): ReaderPlace {
  const one = (key: string) => {
    const value = search[key];
    return (Array.isArray(value) ? value[0] : value) || undefined;
  };
  const at = one("at");
  return { claim: one("claim"), document: one("document"), at: at !== undefined && /^\d{1,9}$/.test(at) ? Number(at) : undefined };
}

/** The dossier for this request; the title and the page share one read (a large dossier is costly to load). */
const load = cache(async function load(dossierId: string): Promise<DossierView> {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(`/dossiers/${dossierId}`)}`);
  try {
    return await getDossierOrThrow(await getDb(), dossierId, actor);
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { dossierId } = await params;
  return { title: (await load(dossierId)).title };
}

export default async function DossierPage({ params, searchParams }: Params & Search) {
  const { dossierId } = await params;
  const dossier = await load(dossierId);
  const canEditBriefing = await canOnDossier(await getDb(), await getRequestActor(), dossierId, "document.write");
  return <DossierReader dossier={packDossierView(dossier)} place={placeOf(await searchParams)} canEditBriefing={canEditBriefing} />;
}
