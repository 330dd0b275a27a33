// Stops a collaboration server without losing an edit: drafts waiting to be stored are stored now, then connections close.
import type { Server } from "@hocuspocus/server";

/** Stores every draft with a pending store, then closes every connection and socket. */
export async function stopCollabServer(server: Server): Promise<void> {
  const { hocuspocus } = server;
  await Promise.all(
    [...hocuspocus.documents.values()].map((document) => {
      const id = `onStoreDocument-${document.name}`;
      return hocuspocus.debouncer.isDebounced(id) ? hocuspocus.debouncer.executeNow(id) : undefined;
    }),
  );
  hocuspocus.closeConnections();
  // Upgraded sockets are no longer the HTTP server's to close: say goodbye, and providers reconnect (elsewhere, behind a balancer).
  for (const socket of server.webSocketServer.clients as Set<{ close(code: number, reason: string): void }>) socket.close(1001, "The server is stopping.");
}
