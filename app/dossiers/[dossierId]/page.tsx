// The dossier: its briefing beside its sources.
import type { Metadata } from "next";
import { DossierReader } from "@/components/dossier-reader.tsx";
import type { ReaderPlace } from "@/components/reader/use-place-in-address.ts";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { packDossierView } from "@/server/dossiers/pack-dossier-view.ts";
import { canOnDossier } from "@/server/policies/can-on-dossier.ts";
import { loadDossierPage } from "./load-dossier-page.ts";

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

const load = (dossierId: string) => loadDossierPage(dossierId, `/dossiers/${dossierId}`);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { dossierId } = await params;
  return { title: (await load(dossierId)).title };
}

export default async function DossierPage({ params, searchParams }: Params & Search) {
  const { dossierId } = await params;
  const { readAt, ...dossier } = await load(dossierId);
  const canEditBriefing = await canOnDossier(await getDb(), await getRequestActor(), dossierId, "document.write");
  return <DossierReader dossier={packDossierView(dossier)} readAt={readAt} place={placeOf(await searchParams)} canEditBriefing={canEditBriefing} />;
}
