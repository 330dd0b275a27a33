// The origins the app is reached at: the only ones a signed-in browser may send changes from.

/** `PUBLIC_URL` (or `http://localhost:PORT`), and the local addresses of PORT. */
export function trustedOrigins(): string[] {
  const port = process.env.PORT || "3000";
  const local = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return [...new Set([publicOrigin(), ...local])];
}

/** The address users reach the app at: `PUBLIC_URL`, else `http://localhost:PORT`. */
export function publicUrl(): string {
  return process.env.PUBLIC_URL || `http://localhost:${process.env.PORT || "3000"}`;
}

function publicOrigin(): string {
  try {
    return new URL(publicUrl()).origin;
  } catch {
    return publicUrl();
  }
}
