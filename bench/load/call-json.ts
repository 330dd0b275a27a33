// One JSON request to the app, as a bench client makes it: the app's origin, a token or a cookie.

/** Sends `init` to `url` with JSON headers; answers the status, the parsed body and the headers. */
export async function callJson(url: string, init: RequestInit & { token?: string; cookie?: string; origin?: string } = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { "content-type": "application/json", origin: init.origin ?? new URL(url).origin };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.cookie = init.cookie;
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}
