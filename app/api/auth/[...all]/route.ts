// Sign up, sign in, sign out and session endpoints (better-auth), with their bodies limited in size;
// an unreachable session store (Redis) answers 503 like an unreachable database.
import { getAuth } from "@/server/auth/get-auth.ts";
import { checkContentLength, MAX_AUTH_BODY_BYTES } from "@/server/http/check-content-length.ts";
import { errorResponse } from "@/server/http/handle-route.ts";
import { readLimitedBody } from "@/server/http/read-limited-body.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    checkContentLength(request.headers, MAX_AUTH_BODY_BYTES);
    return await (await getAuth()).handler(request);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const body = await readLimitedBody(request, MAX_AUTH_BODY_BYTES);
    return await (await getAuth()).handler(new Request(request, { body: body as BodyInit }));
  } catch (error) {
    return errorResponse(error);
  }
}
