// Sign up, sign in, sign out and session endpoints (better-auth).
import { getAuth } from "@/server/auth/get-auth.ts";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export async function POST(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}
