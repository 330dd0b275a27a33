// Every operation of the JSON API, with the zod schemas its use case validates: the source of the OpenAPI document.
import { z } from "zod";
import { briefingEditSchema } from "../documents/briefing-edit-schema.ts";
import { documentInputSchema } from "../documents/document-input-schema.ts";
import { sourceMetadataSchema } from "../documents/add-source.ts";
import { setPublishedSchema } from "../dossiers/set-published.ts";
import { adjustLinkSchema, createLinkSchema, decideLinkSchema, deleteLinkSchema, setReviewStateSchema } from "../links/link-schemas.ts";
import { searchSchema } from "../search/search-schema.ts";
import { newApiTokenSchema } from "../tokens/api-token-schemas.ts";

/** One operation: a method on a path (OpenAPI `{param}` style), what it needs and who may call it. */
export interface ApiOperation {
  method: "get" | "post" | "patch" | "put" | "delete";
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** The JSON body, validated by this schema. */
  body?: z.ZodType;
  /** The body may also be a multipart form (file uploads). */
  multipart?: boolean;
  /** Query parameters. */
  query?: z.ZodObject;
  /** The status of a success. */
  success: 200 | 201;
  /** Who may call it, in words (the policy table decides). */
  access: string;
}

const documentRequest = z.object({ document: documentInputSchema, metadata: sourceMetadataSchema.optional() });

/** The API, operation by operation. A test checks it against the route files under app/api/v1. */
export const API_CATALOG: readonly ApiOperation[] = [
  { method: "get", path: "/api/v1/dossiers/{dossierId}", operationId: "getDossier", summary: "The dossier as the reader shows it: documents, claims with their state, links with their checks, coverage", tag: "Dossiers", success: 200, access: "members (viewer and up)" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/sources", operationId: "attachSource", summary: "Attach a source (pasted text, a file or an address); suggestions are computed again", tag: "Documents", body: documentRequest, multipart: true, success: 201, access: "editors and owners" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/publication", operationId: "setPublication", summary: "Publish the dossier read-only by link, or withdraw the link", tag: "Dossiers", body: setPublishedSchema, success: 200, access: "owners" },
  { method: "post", path: "/api/v1/documents/{documentId}/versions", operationId: "addDocumentVersion", summary: "A new version of a source (links re-anchored) or of a briefing (claims carried over)", tag: "Documents", body: documentRequest, multipart: true, success: 201, access: "editors and owners" },
  { method: "post", path: "/api/v1/documents/{documentId}/edits", operationId: "saveBriefingEdit", summary: "A briefing edited in place: claims keep their id by their spans, uncovered sentences become claims, the rest retire; 409 when a newer version exists", tag: "Documents", body: briefingEditSchema, success: 200, access: "editors and owners" },
  { method: "post", path: "/api/v1/claims/{claimId}/links", operationId: "createLink", summary: "Link a claim to a span of a source by hand", tag: "Links", body: createLinkSchema, success: 201, access: "reviewers and up" },
  { method: "post", path: "/api/v1/claims/{claimId}/review", operationId: "setReviewState", summary: "Set a claim's review state", tag: "Review", body: setReviewStateSchema, success: 200, access: "reviewers and up" },
  { method: "post", path: "/api/v1/links/{linkId}/decision", operationId: "decideLink", summary: "Accept a link with a verdict, reject it, or return it to the suggestions", tag: "Links", body: decideLinkSchema, success: 200, access: "reviewers and up" },
  { method: "patch", path: "/api/v1/links/{linkId}", operationId: "adjustLink", summary: "Move a link's ends", tag: "Links", body: adjustLinkSchema, success: 200, access: "reviewers and up" },
  { method: "delete", path: "/api/v1/links/{linkId}", operationId: "deleteLink", summary: "Unlink", tag: "Links", body: deleteLinkSchema, success: 200, access: "reviewers and up" },
  { method: "get", path: "/api/v1/search", operationId: "search", summary: "Full-text search of the sources, briefings, claims and notes of the caller's workspaces", tag: "Search", query: searchSchema, success: 200, access: "signed in" },
  { method: "get", path: "/api/v1/tokens", operationId: "listApiTokens", summary: "The caller's personal access tokens (without their secrets)", tag: "Tokens", success: 200, access: "signed in" },
  { method: "post", path: "/api/v1/tokens", operationId: "createApiToken", summary: "Make a personal access token for one workspace and role; the secret is in this response only", tag: "Tokens", body: newApiTokenSchema, success: 201, access: "members, up to their own role" },
  { method: "delete", path: "/api/v1/tokens/{tokenId}", operationId: "revokeApiToken", summary: "Revoke a personal access token", tag: "Tokens", success: 200, access: "its maker, or an owner of its workspace" },
  { method: "get", path: "/api/v1/openapi.json", operationId: "getOpenApiDocument", summary: "This document", tag: "Meta", success: 200, access: "anyone" },
];
