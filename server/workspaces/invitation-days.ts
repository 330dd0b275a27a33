// How long an invitation link may work: plain numbers the invitation form in the browser shares with the server's schema.

/** Shortest and longest life of an invitation link, in days, and the default. */
export const INVITATION_DAYS = { min: 1, max: 30, default: 7 } as const;
