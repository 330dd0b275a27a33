// Listens to a PostgreSQL notification channel on a connection of its own, reconnecting after a restart.
import pg from "pg";

/** A running subscription to a notification channel. */
export interface Listening {
  /** Stops listening and closes what it opened. */
  stop(): Promise<void>;
}

const FIRST_RETRY_MS = 200;
const LAST_RETRY_MS = 5_000;

/**
 * LISTENs to `channel` on a dedicated `pg.Client` (a pooled connection would hand the LISTEN to
 * whichever query borrows it next). Resolves once the first LISTEN is in place; rejects if the
 * server cannot be reached then. When the connection drops (the server restarts, a network cut),
 * it reconnects with a growing delay and calls `onReconnect`, since what was sent meanwhile is lost.
 */
export async function listenPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onReconnect: () => void = () => {},
): Promise<Listening> {
  let stopped = false;
  let client: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let delay = FIRST_RETRY_MS;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    // Errors on an idle connection (the server going away) are answered by reconnecting, not by a crash.
    next.on("error", () => dropped(next));
    next.on("end", () => dropped(next));
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      next.removeAllListeners("end");
      await next.end().catch(() => {});
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    delay = FIRST_RETRY_MS;
  };

  const dropped = (which: pg.Client) => {
    if (stopped || client !== which) return;
    client = null;
    which.removeAllListeners("end");
    void which.end().catch(() => {});
    scheduleRetry();
  };

  const scheduleRetry = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        () => {
          if (!stopped) onReconnect();
        },
        () => {
          delay = Math.min(delay * 2, LAST_RETRY_MS);
          scheduleRetry();
        },
      );
    }, delay);
    retryTimer.unref();
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners("end");
        await current.end().catch(() => {});
      }
    },
  };
}
