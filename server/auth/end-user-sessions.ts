// Ends every session of one person, wherever the auth layer keeps them (database and any cache).
import { getAuth } from "./get-auth.ts";

/** Signs `userId` out everywhere: their session cookies stop working on every instance. */
export async function endUserSessions(userId: string): Promise<void> {
  const context = await (await getAuth()).$context;
  await context.internalAdapter.deleteUserSessions(userId);
}
