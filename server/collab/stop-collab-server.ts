// Stops a collaboration server without losing an edit: drafts waiting to be stored are stored now, then connections close.
import type { Server } from "@hocuspocus/server";

/** Stores every draft with a pending store, closes every connection, and lets the rooms unload. */
export async function stopCollabServer(server: Server): Promise<void> {
  const { hocuspocus } = server;
  await Promise.all(
    [...hocuspocus.documents.values()].map((document) => {
      const id = `onStoreDocument-${document.name}`;
      return hocuspocus.debouncer.isDebounced(id) ? hocuspocus.debouncer.executeNow(id) : undefined;
    }),
  );
  hocuspocus.closeConnections();
}
