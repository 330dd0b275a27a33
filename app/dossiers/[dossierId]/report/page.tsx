// The dossier's printable report: coverage, then each claim with its evidence.
import type { Metadata } from "next";
import { DossierReport } from "@/components/report/dossier-report.tsx";
import { loadDossierPage } from "../load-dossier-page.ts";
import "./print.css";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ dossierId: string }> };

const load = (dossierId: string) => loadDossierPage(dossierId, `/dossiers/${dossierId}/report`);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { dossierId } = await params;
  return { title: `Report · ${(await load(dossierId)).title}` };
}

export default async function DossierReportPage({ params }: Params) {
  const { dossierId } = await params;
  return <DossierReport dossier={await load(dossierId)} generatedAt={new Date()} />;
}
