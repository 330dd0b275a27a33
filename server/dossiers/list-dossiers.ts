// Lists dossiers for the home page, most recently changed first.
import type { Db } from "../db.ts";
import type { Actor } from "../policies/actor.ts";

/** A dossier as the home page shows it. */
export interface DossierSummary {
  id: string;
  title: string;
  workspaceName: string;
  sourceCount: number;
  claimCount: number;
  updatedAt: string;
}

/** The dossiers of the actor's workspaces, with their counts of sources and live claims. */
export async function listDossiers(db: Db, actor: Actor): Promise<DossierSummary[]> {
  if (actor.kind !== "user") return [];
  const dossiers = await db.dossier.findMany({
    where: { workspace: { memberships: { some: { userId: actor.userId } } } },
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
