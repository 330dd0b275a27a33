// Lists the workspaces a new dossier can be created in.
import type { Db } from "../db.ts";

/** A workspace as a picker shows it. */
export interface WorkspaceOption {
  id: string;
  name: string;
}

/** Every workspace, oldest first. */
export async function listWorkspaces(db: Db): Promise<WorkspaceOption[]> {
  return db.workspace.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true } });
}
