// The Server-Sent Events stream of one dossier: its committed changes and who is present, as they happen.
import type { Db } from "../db.ts";
import { parseInput } from "../http/parse-input.ts";
import { idSchema } from "../links/link-schemas.ts";
import type { Actor } from "../policies/actor.ts";
import { authorizeDossier } from "../policies/authorize.ts";
import type { DossierHub } from "./dossier-hub.ts";
import { notifyDossier } from "./notify-dossier.ts";
import { tabSchema } from "./presence-schema.ts";

/** A comment line every this often keeps proxies from closing an idle stream; access is checked again then. */
export const HEARTBEAT_MS = 15_000;

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

/**
 * Opens the event stream of a dossier for an actor who may read it (else the usual
 * `not_found`/`unauthenticated`). Events: `hello` (who you are), `change` (a committed change:
 * action, entity, actor), `presence` (everyone present, with the claim each looks at) and
 * `resync` (events may have been missed: read the dossier again). The stream ends when `signal`
 * aborts or the reader cancels it; a `tab` given then is announced as having left.
 */
export async function openDossierStream(
  db: Db,
  hub: DossierHub,
  input: { dossierId: string; actor: Actor; tab?: string | null; signal: AbortSignal },
): Promise<ReadableStream<Uint8Array>> {
  const dossierId = parseInput(idSchema, input.dossierId);
  const tab = input.tab ? parseInput(tabSchema, input.tab) : null;
  const grant = await authorizeDossier(db, input.actor, dossierId, "dossier.read");
  const encoder = new TextEncoder();
  let cleanup: (() => void) | null = null;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      let unsubscribe = () => {};
      let heartbeat: NodeJS.Timeout | undefined;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const event = (name: string, data: unknown) => send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      const close = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        input.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // Already closed by the reader going away.
        }
        if (tab) {
          void notifyDossier(db, { type: "presence", dossierId, userId: grant.userId, name: "", tab, claimId: null, left: true }).catch(() => {});
        }
      };
      cleanup = close;

      send(`retry: ${RETRY_MS}\n\n`);
      event("hello", { userId: grant.userId });
      const subscription = hub.subscribe(dossierId, {
        change: (change) => event("change", change),
        presence: (viewers) => event("presence", { viewers }),
        resync: () => event("resync", {}),
        accessEnded: (userId) => {
          if (userId === grant.userId) close();
        },
      });
      // The stream may have closed while the first events were sent.
      if (!open) return subscription();
      unsubscribe = subscription;
      heartbeat = setInterval(() => {
        send(": ping\n\n");
        // Someone removed from the workspace stops hearing about it at the next heartbeat.
        authorizeDossier(db, input.actor, dossierId, "dossier.read").catch(close);
      }, HEARTBEAT_MS);
      if (input.signal.aborted) close();
      else input.signal.addEventListener("abort", close);
    },
    cancel() {
      cleanup?.();
    },
  });
}
