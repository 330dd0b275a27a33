// Every operation of the JSON API, with the zod schemas its use case validates: the source of the OpenAPI document.
import { z } from "zod";
import { deleteAnnotationSchema, editAnnotationSchema, listAnnotationsSchema, newAnnotationSchema, resolveAnnotationSchema, tagAnnotationSchema } from "../annotations/annotation-schemas.ts";
import { briefingEditSchema } from "../documents/briefing-edit-schema.ts";
import { documentInputSchema } from "../documents/document-input-schema.ts";
import { sourceMetadataSchema } from "../documents/add-source.ts";
import { exportQuerySchema, exportRequestSchema, importBodySchema } from "../exports/export-schemas.ts";
import { setPublishedSchema } from "../dossiers/set-published.ts";
import { adjustLinkSchema, createLinkSchema, decideLinkSchema, deleteLinkSchema, setReviewStateSchema } from "../links/link-schemas.ts";
import { activityPageSchema, adjudicateClaimSchema, assignClaimSchema, recheckTargetSchema, resolveRecheckSchema, submitReviewSchema, twoReviewerModeSchema } from "../reviews/review-schemas.ts";
import { presenceInputSchema } from "../live/presence-schema.ts";
import { searchSchema } from "../search/search-schema.ts";
import { newApiTokenSchema } from "../tokens/api-token-schemas.ts";
import { changeRoleSchema, createInvitationSchema, workspaceSettingsSchema } from "../workspaces/workspace-schemas.ts";

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

const asOwner = z.object({
  /** `owner`: the owner's view, every verdict shown (owners only). */
  as: z.enum(["owner"]).optional(),
});
const documentRequest = z.object({ document: documentInputSchema, metadata: sourceMetadataSchema.optional() });

/** The API, operation by operation. A test checks it against the route files under app/api/v1. */
export const API_CATALOG: readonly ApiOperation[] = [
  { method: "get", path: "/api/v1/dossiers/{dossierId}", operationId: "getDossier", summary: "The dossier as the reader shows it: documents, claims with their state, links with their checks, coverage", tag: "Dossiers", success: 200, access: "members (viewer and up)" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/sources", operationId: "attachSource", summary: "Attach a source (pasted text, a file or an address); suggestions are computed again. An address, or text or a file over IMPORT_SYNC_BYTES, is imported by a background job: 202 with { queued: true, job }", tag: "Documents", body: documentRequest, multipart: true, success: 201, access: "editors and owners" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/publication", operationId: "setPublication", summary: "Publish the dossier read-only by link, or withdraw the link", tag: "Dossiers", body: setPublishedSchema, success: 200, access: "owners" },
  { method: "post", path: "/api/v1/documents/{documentId}/versions", operationId: "addDocumentVersion", summary: "A new version of a source (links re-anchored) or of a briefing (claims carried over). An address, or text or a file over IMPORT_SYNC_BYTES, is imported, stored and re-anchored by a background job: 202 with { queued: true, job }", tag: "Documents", body: documentRequest, multipart: true, success: 201, access: "editors and owners" },
  { method: "post", path: "/api/v1/documents/{documentId}/edits", operationId: "saveBriefingEdit", summary: "A briefing edited in place: claims keep their id by their spans, uncovered sentences become claims, the rest retire; 409 when a newer version exists", tag: "Documents", body: briefingEditSchema, success: 200, access: "editors and owners" },
  { method: "post", path: "/api/v1/documents/{documentId}/draft/commit", operationId: "commitBriefingDraft", summary: "Save the briefing's shared draft (co-edited over /collab) as its next version, as an in-place edit; the draft moves onto it", tag: "Documents", success: 200, access: "editors and owners" },
  { method: "post", path: "/api/v1/claims/{claimId}/links", operationId: "createLink", summary: "Link a claim to a span of a source by hand", tag: "Links", body: createLinkSchema, success: 201, access: "reviewers and up" },
  { method: "post", path: "/api/v1/claims/{claimId}/review", operationId: "setReviewState", summary: "Set a claim's review state", tag: "Review", body: setReviewStateSchema, success: 200, access: "reviewers and up" },
  { method: "post", path: "/api/v1/links/{linkId}/decision", operationId: "decideLink", summary: "Accept a link with a verdict, reject it, or return it to the suggestions", tag: "Links", body: decideLinkSchema, success: 200, access: "reviewers and up" },
  { method: "patch", path: "/api/v1/links/{linkId}", operationId: "adjustLink", summary: "Move a link's ends", tag: "Links", body: adjustLinkSchema, success: 200, access: "reviewers and up" },
  { method: "delete", path: "/api/v1/links/{linkId}", operationId: "deleteLink", summary: "Unlink", tag: "Links", body: deleteLinkSchema, success: 200, access: "reviewers and up" },
  { method: "get", path: "/api/v1/queue", operationId: "listMyQueue", summary: "The claims assigned to the caller that wait for their review, across their dossiers", tag: "Review", success: 200, access: "signed in" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/review-desk", operationId: "getReviewDesk", summary: "Two-reviewer mode, the caller's role and what it allows, members, claims with state and assignee", tag: "Review", success: 200, access: "members" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/two-reviewer-mode", operationId: "setTwoReviewerMode", summary: "Turn two-reviewer mode on or off", tag: "Review", body: twoReviewerModeSchema, success: 200, access: "owners" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/claims/{claimId}/assignment", operationId: "assignClaim", summary: "Assign the claim to a member for review, or unassign it", tag: "Review", body: assignClaimSchema, success: 200, access: "editors and owners" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/claims/{claimId}/review", operationId: "getClaimReview", summary: "The claim's review as the reader shows it: state, assignee, visible reviews, history", tag: "Review", success: 200, access: "members" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/claims/{claimId}/reviews", operationId: "getClaimReviews", summary: "The claim's reviews the caller may see (blind until they give theirs)", tag: "Review", query: asOwner, success: 200, access: "members" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/claims/{claimId}/reviews", operationId: "submitReview", summary: "The caller's independent verdict in two-reviewer mode", tag: "Review", body: submitReviewSchema, success: 200, access: "reviewers and up" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/adjudications", operationId: "listAdjudications", summary: "Claims whose reviewers disagreed, waiting for the owner's decision", tag: "Review", success: 200, access: "owners" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/claims/{claimId}/adjudication", operationId: "adjudicateClaim", summary: "The owner's decision on a disputed claim, with a recorded reason", tag: "Review", body: adjudicateClaimSchema, success: 200, access: "owners" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/agreement", operationId: "getAgreement", summary: "Per pair of reviewers: claims both reviewed, observed agreement, Cohen's kappa", tag: "Review", success: 200, access: "members" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/recheck", operationId: "listRecheckQueue", summary: "Links and notes whose text changed or vanished with a new source version, with old and new text and a word diff", tag: "Review", success: 200, access: "members" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/recheck", operationId: "resolveRecheck", summary: "Confirm, drop or re-link a changed link or note", tag: "Review", body: z.object({ target: recheckTargetSchema, resolution: resolveRecheckSchema }), success: 200, access: "reviewers and up" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/claims/{claimId}/history", operationId: "getClaimHistory", summary: "The claim's history, oldest first: who changed what, when, before and after", tag: "Review", query: asOwner, success: 200, access: "members" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/activity", operationId: "listDossierActivity", summary: "The dossier's activity feed, newest first, a page at a time", tag: "Review", query: activityPageSchema.extend(asOwner.shape), success: 200, access: "members" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/events", operationId: "streamDossierEvents", summary: "Server-Sent Events: committed changes to the dossier and who is present", tag: "Live", success: 200, access: "members (viewer and up)" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/jobs", operationId: "listDossierJobs", summary: "The dossier's background jobs (suggestions, imports of pages and large files, exports): queued and running ones with items done of total, start time and seconds left, then those ended in the last day", tag: "Jobs", success: 200, access: "members (viewer and up)" },
  { method: "post", path: "/api/v1/jobs/{jobId}/cancel", operationId: "cancelJob", summary: "Cancel a queued or running job; the batches already stored stay; 409 when it has already ended", tag: "Jobs", success: 200, access: "editors and owners; for an export, also the member who asked for it" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/exports", operationId: "requestExport", summary: "Export the dossier through a job: 201 with the job done and its file when the dossier is small, else 202 with the queued job; the file downloads from the job for a day", tag: "Jobs", body: exportRequestSchema, success: 201, access: "members (viewer and up)" },
  { method: "get", path: "/api/v1/jobs/{jobId}/file", operationId: "downloadJobFile", summary: "The file a finished export job wrote (kept for a day)", tag: "Jobs", success: 200, access: "members (viewer and up)" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/presence", operationId: "announcePresence", summary: "This tab is in the dossier (looking at a claim), or has left it", tag: "Live", body: presenceInputSchema, success: 200, access: "members (viewer and up)" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/annotations", operationId: "listAnnotations", summary: "The dossier's annotation threads in document order, with their replies, filtered by status, tag and author", tag: "Annotations", query: listAnnotationsSchema, success: 200, access: "members (viewer and up)" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/annotations", operationId: "createAnnotation", summary: "Start a thread on a span of a document version, a claim or a link, or reply to a thread", tag: "Annotations", body: newAnnotationSchema, success: 201, access: "reviewers and up; viewers when the workspace allows it" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/members", operationId: "listAnnotationMembers", summary: "The members a note may mention, and whether the caller may annotate", tag: "Annotations", success: 200, access: "members (viewer and up)" },
  { method: "patch", path: "/api/v1/annotations/{annotationId}", operationId: "editAnnotation", summary: "Edit a note (marked edited; the earlier text stays in the activity log)", tag: "Annotations", body: editAnnotationSchema, success: 200, access: "its author" },
  { method: "delete", path: "/api/v1/annotations/{annotationId}", operationId: "deleteAnnotation", summary: "Delete a note, leaving a placeholder in its thread", tag: "Annotations", body: deleteAnnotationSchema, success: 200, access: "its author, or an owner" },
  { method: "post", path: "/api/v1/annotations/{annotationId}/resolution", operationId: "resolveAnnotation", summary: "Resolve or reopen a thread", tag: "Annotations", body: resolveAnnotationSchema, success: 200, access: "reviewers and up; viewers when the workspace allows it" },
  { method: "put", path: "/api/v1/annotations/{annotationId}/tags", operationId: "tagAnnotation", summary: "Replace a thread's tags", tag: "Annotations", body: tagAnnotationSchema, success: 200, access: "reviewers and up; viewers when the workspace allows it" },
  { method: "get", path: "/api/v1/dossiers/{dossierId}/export", operationId: "exportDossier", summary: "The dossier as a file: W3C Web Annotations (JSON-LD), Markdown or CSV", tag: "Dossiers", query: exportQuerySchema, success: 200, access: "members (viewer and up)" },
  { method: "post", path: "/api/v1/dossiers/{dossierId}/import", operationId: "importWebAnnotations", summary: "Restore the links and notes of a Web Annotation export in this dossier", tag: "Dossiers", body: importBodySchema, success: 200, access: "editors and owners" },
  { method: "get", path: "/api/v1/search", operationId: "search", summary: "Full-text search of the sources, briefings, claims and notes of the caller's workspaces", tag: "Search", query: searchSchema, success: 200, access: "signed in" },
  { method: "get", path: "/api/v1/tokens", operationId: "listApiTokens", summary: "The caller's personal access tokens (without their secrets)", tag: "Tokens", success: 200, access: "signed in" },
  { method: "post", path: "/api/v1/tokens", operationId: "createApiToken", summary: "Make a personal access token for one workspace and role; the secret is in this response only", tag: "Tokens", body: newApiTokenSchema, success: 201, access: "members, up to their own role" },
  { method: "delete", path: "/api/v1/tokens/{tokenId}", operationId: "revokeApiToken", summary: "Revoke a personal access token", tag: "Tokens", success: 200, access: "its maker, or an owner of its workspace" },
  { method: "get", path: "/api/v1/workspaces/{workspaceId}", operationId: "getWorkspace", summary: "The workspace: its name, the caller's role and its settings", tag: "Workspaces", success: 200, access: "members" },
  { method: "patch", path: "/api/v1/workspaces/{workspaceId}", operationId: "setWorkspaceSettings", summary: "Change the workspace's settings (whether viewers may annotate)", tag: "Workspaces", body: workspaceSettingsSchema, success: 200, access: "owners" },
  { method: "get", path: "/api/v1/workspaces/{workspaceId}/members", operationId: "listMembers", summary: "The workspace's members and their roles", tag: "Workspaces", success: 200, access: "members" },
  { method: "patch", path: "/api/v1/workspaces/{workspaceId}/members/{userId}", operationId: "changeMemberRole", summary: "Change a member's role (the last owner stays an owner)", tag: "Workspaces", body: changeRoleSchema, success: 200, access: "owners" },
  { method: "delete", path: "/api/v1/workspaces/{workspaceId}/members/{userId}", operationId: "removeMember", summary: "Remove a member (their claims are unassigned; their work stays)", tag: "Workspaces", success: 200, access: "owners" },
  { method: "delete", path: "/api/v1/workspaces/{workspaceId}/membership", operationId: "leaveWorkspace", summary: "Leave the workspace", tag: "Workspaces", success: 200, access: "members (not the last owner)" },
  { method: "get", path: "/api/v1/workspaces/{workspaceId}/invitations", operationId: "listInvitations", summary: "The workspace's invitation links and their state", tag: "Workspaces", success: 200, access: "owners" },
  { method: "post", path: "/api/v1/workspaces/{workspaceId}/invitations", operationId: "createInvitation", summary: "Make an invitation link with a role and an expiry; the link is in this response only", tag: "Workspaces", body: createInvitationSchema, success: 201, access: "owners" },
  { method: "delete", path: "/api/v1/workspaces/{workspaceId}/invitations/{invitationId}", operationId: "revokeInvitation", summary: "Withdraw an invitation link", tag: "Workspaces", success: 200, access: "owners" },
  { method: "get", path: "/api/v1/invitations/{token}", operationId: "getInvitation", summary: "What an invitation link offers (workspace and role), or why it no longer works (410)", tag: "Workspaces", success: 200, access: "anyone with the link" },
  { method: "post", path: "/api/v1/invitations/{token}/acceptance", operationId: "acceptInvitation", summary: "Join the workspace the link invites to", tag: "Workspaces", success: 200, access: "signed in" },
  { method: "get", path: "/api/v1/openapi.json", operationId: "getOpenApiDocument", summary: "This document", tag: "Meta", success: 200, access: "anyone" },
];
