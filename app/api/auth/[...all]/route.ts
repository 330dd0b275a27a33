// Sign up, sign in, sign out and session endpoints (better-auth), with their bodies limited in size.
import { getAuth } from "@/server/auth/get-auth.ts";
import { checkContentLength, MAX_AUTH_BODY_BYTES } from "@/server/http/check-content-length.ts";
import { errorResponse } from "@/server/http/handle-route.ts";
import { readLimitedBody } from "@/server/http/read-limited-body.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    checkContentLength(request.headers, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    return errorResponse(error);
  }
  return (await getAuth()).handler(request);
}

export async function POST(request: Request): Promise<Response> {
  let body: Uint8Array;
  try {
    body = await readLimitedBody(request, MAX_AUTH_BODY_BYTES);
  } catch (error) {
    return errorResponse(error);
  }
  return (await getAuth()).handler(new Request(request, { body: body as BodyInit }));
}
