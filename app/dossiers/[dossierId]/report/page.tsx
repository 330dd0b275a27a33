// The dossier's printable report: coverage, then each claim with its evidence.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DossierReport } from "@/components/report/dossier-report.tsx";
import { getRequestActor } from "@/server/auth/get-request-actor.ts";
import { getDb } from "@/server/db.ts";
import { getDossierOrThrow, type DossierView } from "@/server/dossiers/get-dossier-or-throw.ts";
import { AppError } from "@/server/errors/app-error.ts";
import "./print.css";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ dossierId: string }> };

async function load(dossierId: string): Promise<DossierView> {
  const actor = await getRequestActor();
  if (actor.kind !== "user") redirect(`/sign-in?next=${encodeURIComponent(`/dossiers/${dossierId}/report`)}`);
  try {
    return await getDossierOrThrow(await getDb(), dossierId, actor);
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { dossierId } = await params;
  return { title: `Report · ${(await load(dossierId)).title}` };
}

export default async function DossierReportPage({ params }: Params) {
  const { dossierId } = await params;
  return <DossierReport dossier={await load(dossierId)} generatedAt={new Date()} />;
}
