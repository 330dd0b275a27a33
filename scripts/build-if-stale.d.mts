/** Runs `next build` if the build is stale; resolves to its exit status (0 when none was needed). */
export function buildIfStale(): Promise<number>;
