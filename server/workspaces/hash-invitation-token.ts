// Invitation links carry a random token; only its hash is stored, so the table alone opens nothing.
import { randomBytes } from "node:crypto";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** A fresh unguessable token (32 random bytes, base64url: 43 characters). */
export function newInvitationToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a token: hex SHA-256 of its UTF-8 bytes. */
export function hashInvitationToken(token: string): string {
  return bytesToHex(sha256(utf8ToBytes(token)));
}

/** The path of the page that accepts the invitation. */
export function invitationPath(token: string): string {
  return `/invite/${token}`;
}
