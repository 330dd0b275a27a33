// The slug of the workspace that holds the example dossier.

/** Slug of the workspace that holds the example dossier. */
export const EXAMPLE_WORKSPACE_SLUG = "example";
