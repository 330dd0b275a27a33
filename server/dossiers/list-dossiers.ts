// Lists dossiers for the home page, most recently changed first.
import type { Db } from "../db.ts";

/** A dossier as the home page shows it. */
export interface DossierSummary {
  id: string;
  title: string;
  workspaceName: string;
  sourceCount: number;
  claimCount: number;
  updatedAt: string;
}

/** Every dossier with its counts of sources and live claims. */
export async function listDossiers(db: Db): Promise<DossierSummary[]> {
  const dossiers = await db.dossier.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      updatedAt: true,
      workspace: { select: { name: true } },
      _count: { select: { documents: { where: { kind: "source" } }, claims: { where: { retiredAt: null } } } },
    },
  });
  return dossiers.map((d) => ({
    id: d.id,
    title: d.title,
    workspaceName: d.workspace.name,
    sourceCount: d._count.documents,
    claimCount: d._count.claims,
    updatedAt: d.updatedAt.toISOString(),
  }));
}
