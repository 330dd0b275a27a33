// The example workspace's published dossiers, shown to newcomers before they have an account.
import type { Db } from "../db.ts";
import { EXAMPLE_WORKSPACE_SLUG } from "../examples/example-workspace-slug.ts";

/** A published dossier and its read-only address. */
export interface PublishedExample {
  title: string;
  href: string;
}

/** Published dossiers of the example workspace, by title. */
export async function listPublishedExamples(db: Db): Promise<PublishedExample[]> {
  const dossiers = await db.dossier.findMany({
    where: { workspace: { slug: EXAMPLE_WORKSPACE_SLUG }, publishToken: { not: null } },
    orderBy: { title: "asc" },
    select: { title: true, publishToken: true },
  });
  return dossiers.map((d) => ({ title: d.title, href: `/p/${d.publishToken}` }));
}
