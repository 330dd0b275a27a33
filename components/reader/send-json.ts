// Calls the JSON API and turns its answers into values: the data, or the server's error with its code.

/** An API error as the server sends it, or a network failure (`code: "network"`). */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** The outcome of one call. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Sends `body` (JSON, or a FormData as multipart) to `url` with `method`; never throws. */
export async function sendJson<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined || body instanceof FormData ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      cache: "no-store",
    });
    const payload = (await response.json().catch(() => null)) as unknown;
    if (response.ok) return { ok: true, data: payload as T };
    const error = (payload as { error?: Omit<ApiError, "status"> } | null)?.error;
    return {
      ok: false,
      error: { status: response.status, code: error?.code ?? "internal", message: error?.message ?? `The server answered ${response.status}.`, details: error?.details },
    };
  } catch {
    return { ok: false, error: { status: 0, code: "network", message: "The server could not be reached; nothing was saved." } };
  }
}
