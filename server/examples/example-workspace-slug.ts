// The slugs of the example workspace and of its dossier.

/** Slug of the workspace that holds the example dossier. */
export const EXAMPLE_WORKSPACE_SLUG = "example";

/** Slug of the example dossier (and name of its folder under examples/). */
export const EXAMPLE_DOSSIER_SLUG = "fentanyl-crisis";
