// GET the OpenAPI 3.1 document of the API.
import { openApiDocument } from "@/server/http/openapi-document.ts";

export const dynamic = "force-static";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
