// The body of a presence beat from a browser tab, validated at the boundary.
import { z } from "zod";

/** A tab's presence in a dossier: sent every ~10 s while it is open, and once with `left` when it closes. */
export const presenceInputSchema = z.object({
  /** The claim the person is looking at, or null. */
  claimId: z.uuid({ error: "Not a valid claim id." }).nullable(),
  /** A random id the tab made for itself, so two tabs of one person are told apart. */
  tab: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: "A tab id is 8–64 letters, digits, - or _." }),
  /** True when the tab is closing. */
  left: z.boolean().default(false),
});

/** A tab id, as the event stream's `tab` parameter carries it. */
export const tabSchema = presenceInputSchema.shape.tab;
