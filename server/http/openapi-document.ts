// Builds the OpenAPI 3.1 document of the JSON API from its catalog and the zod schemas it validates with.
import { z } from "zod";
import { API_CATALOG, type ApiOperation } from "./api-catalog.ts";

/** The statuses every operation may answer with besides its success, and when. */
const ERRORS: Record<string, string> = {
  "400": "Invalid input: the message names the field",
  "401": "Not signed in, or the API token is not valid",
  "403": "Your role does not allow this, or a change sent with the session cookie came without the app's Origin",
  "404": "No such thing, or it is in a workspace you are not a member of",
  "409": "Someone changed it first: details carry the current value",
  "410": "The link no longer works (used, withdrawn or expired): the message says which",
  "413": "The request body is over the route's limit (from Content-Length, or counted while read)",
  "503": "The database is unavailable; try again",
};

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as its input is written. */
function toSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

function operation(op: ApiOperation): Record<string, unknown> {
  const parameters: unknown[] = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: name === "token" ? { type: "string", pattern: "^[A-Za-z0-9_-]{43}$" } : { type: "string", format: "uuid" },
  }));
  if (op.query) {
    const query = toSchema(op.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({ name, in: "query", required: query.required?.includes(name) ?? false, schema, description: schema.description });
    }
  }
  const result: Record<string, unknown> = {
    operationId: op.operationId,
    summary: op.summary,
    description: `Who may call it: ${op.access}.`,
    tags: [op.tag],
    parameters,
    responses: {
      [String(op.success)]: { description: "Done", content: { "application/json": { schema: {} } } },
      ...Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [status, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
      ),
    },
  };
  if (op.access === "anyone") result.security = [];
  if (op.body) {
    const content: Record<string, unknown> = { "application/json": { schema: toSchema(op.body) } };
    if (op.multipart) {
      content["multipart/form-data"] = {
        schema: {
          type: "object",
          properties: {
            from: { type: "string", enum: ["text", "file", "url"] },
            text: { type: "string" },
            format: { type: "string", enum: ["text", "markdown", "html"] },
            file: { type: "string", contentMediaType: "application/octet-stream" },
            url: { type: "string", format: "uri" },
            title: { type: "string" },
            author: { type: "string" },
          },
        },
      };
    }
    result.requestBody = { required: true, content };
  }
  return result;
}

/** The whole OpenAPI 3.1 document. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_CATALOG) (paths[op.path] ??= {})[op.method] = operation(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Attest API",
      version: "1",
      description:
        "Dossiers, documents, claims, links and reviews of Attest. Authenticate with a personal access token (`Authorization: Bearer att_…`, made at /settings/tokens) or the session cookie of a signed-in browser. Offsets are UTF-16 code units, end exclusive.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: [...new Set(API_CATALOG.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal access token, scoped to one workspace and one role." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: ["invalid_input", "unauthenticated", "forbidden", "not_found", "conflict", "gone", "too_large", "unavailable", "internal"] },
                message: { type: "string" },
                details: {},
              },
            },
          },
        },
      },
    },
  };
}
