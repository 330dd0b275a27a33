// Gives every new account a place to work: the first one owns the example workspace, later ones
// get a workspace of their own.
import type { Db } from "../db.ts";
import { EXAMPLE_WORKSPACE_SLUG } from "../examples/example-workspace-slug.ts";

/** Creates the new user's first membership. */
export async function onUserCreated(db: Db, user: { id: string; name: string; email: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const example = await tx.workspace.findUnique({ where: { slug: EXAMPLE_WORKSPACE_SLUG }, select: { id: true } });
    const owners = example ? await tx.membership.count({ where: { workspaceId: example.id } }) : 1;
    if (example && owners === 0) {
      await tx.membership.create({ data: { workspaceId: example.id, userId: user.id, role: "owner" } });
      return;
    }
    const name = `${user.name || user.email.split("@")[0]}'s workspace`.slice(0, 120);
    const workspace = await tx.workspace.create({ data: { name, slug: `w-${user.id}` } });
    await tx.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role: "owner" } });
  });
}
