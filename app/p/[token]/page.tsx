// A dossier published by link: anyone with the address reads it; nobody changes it here.
import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { DossierReader } from "@/components/dossier-reader.tsx";
import { getDb } from "@/server/db.ts";
import { getPublishedDossierOrThrow, type DossierView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { packDossierView } from "@/server/dossiers/pack-dossier-view.ts";
import { AppError } from "@/server/errors/app-error.ts";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

/** The dossier for this request; the title and the page share one read. */
const load = cache(async function load(token: string): Promise<DossierView> {
  try {
    return await getPublishedDossierOrThrow(await getDb(), token);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { token } = await params;
  return { title: (await load(token)).title, robots: { index: false } };
}

export default async function PublishedDossierPage({ params }: Params) {
  const { token } = await params;
  return <DossierReader dossier={packDossierView(await load(token))} readOnly />;
}
