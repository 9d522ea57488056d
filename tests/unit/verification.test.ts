import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/server/env-schema";
import { routeFor } from "@/lib/verification/common";
import { decryptDocument, DocumentDecryptionError, encryptDocument, parseDocumentKey } from "@/lib/verification/storage/crypto";
import { RejectInput, SubmitRequestInput } from "@/lib/verification/schemas";

const KEY = randomBytes(32);
const NAME = "a".repeat(64);

describe("document encryption (AES-256-GCM)", () => {
  it("round-trips, with a fresh IV per file", () => {
    const plain = Buffer.from("%PDF-1.7 a registration certificate");
    const a = encryptDocument(KEY, NAME, plain);
    const b = encryptDocument(KEY, NAME, plain);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(plain)).toBe(false);
    expect(decryptDocument(KEY, NAME, a).equals(plain)).toBe(true);
  });

  it("refuses a tampered file, another key and another file's name (auth tag)", () => {
    const stored = encryptDocument(KEY, NAME, Buffer.from("secret"));
    const flipped = Buffer.from(stored);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => decryptDocument(KEY, NAME, flipped)).toThrow(DocumentDecryptionError);
    expect(() => decryptDocument(randomBytes(32), NAME, stored)).toThrow(DocumentDecryptionError);
    expect(() => decryptDocument(KEY, "b".repeat(64), stored)).toThrow(DocumentDecryptionError);
    expect(() => decryptDocument(KEY, NAME, Buffer.from("plain text"))).toThrow(DocumentDecryptionError);
  });

  it("needs a 32-byte key", () => {
    expect(() => parseDocumentKey(undefined)).toThrow(/DOCUMENT_KEY is not set/);
    expect(() => parseDocumentKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
    expect(parseDocumentKey(KEY.toString("base64")).equals(KEY)).toBe(true);
  });
});

describe("DOCUMENT_KEY and DOCUMENTS_DIR configuration", () => {
  const SECRET = "s".repeat(32);
  it("is required in production, with a message naming it", () => {
    expect(() => parseEnv({ AUTH_SECRET: SECRET, NODE_ENV: "production" })).toThrow(/DOCUMENT_KEY: is not set/);
    expect(parseEnv({ AUTH_SECRET: SECRET, NODE_ENV: "production", SMTP_URL: "smtp://mail:25", DOCUMENT_KEY: KEY.toString("base64") }).DOCUMENT_KEY).toBe(KEY.toString("base64"));
  });
  it("must be 32 bytes in base64", () => {
    expect(() => parseEnv({ AUTH_SECRET: SECRET, DOCUMENT_KEY: "c2hvcnQ=" })).toThrow(/DOCUMENT_KEY: must be 32 bytes/);
  });
  it("keeps documents under DATA_DIR/documents unless DOCUMENTS_DIR says otherwise", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, DATA_DIR: "/srv/ad" }).DOCUMENTS_DIR).toBe("/srv/ad/documents");
    expect(parseEnv({ AUTH_SECRET: SECRET, DOCUMENTS_DIR: "/secure/docs" }).DOCUMENTS_DIR).toBe("/secure/docs");
  });
});

describe("routing", () => {
  it("goes to support for a language support serves, otherwise to the chosen dealer", () => {
    expect(routeFor("nl", ["nl", "en"])).toBe("SUPPORT");
    expect(routeFor("en", ["nl", "en"])).toBe("SUPPORT");
    expect(routeFor("fr", ["nl", "en"])).toBe("DEALER");
    expect(routeFor("en", ["nl"])).toBe("DEALER");
    // By language, not region: a Belgian Dutch owner is served by whoever serves Dutch.
    expect(routeFor("nl_BE", ["nl", "en"])).toBe("SUPPORT");
    expect(routeFor("nl", ["nl-BE"])).toBe("SUPPORT");
    expect(routeFor("nl_BE", ["fr"])).toBe("DEALER");
  });
});

describe("input schemas", () => {
  it("checks the VIN like invitations do and refuses unknown fields", () => {
    expect(SubmitRequestInput.safeParse({ vin: "WP0ZZZ99ZTS39212", relationship: "OWNER" }).error?.issues[0]?.message).toBe("vin_length");
    expect(SubmitRequestInput.safeParse({ vin: "wp0zzz99zts392124", relationship: "OWNER" }).data?.vin).toBe("WP0ZZZ99ZTS392124");
    expect(SubmitRequestInput.safeParse({ vin: "WP0ZZZ99ZTS392124", relationship: "OWNER", requesterId: "x" }).success).toBe(false);
  });
  it("asks a note for the reason OTHER", () => {
    expect(RejectInput.safeParse({ requestId: "r1", reason: "OTHER" }).error?.issues[0]?.message).toBe("note_required");
    expect(RejectInput.safeParse({ requestId: "r1", reason: "ID_EXPIRED" }).success).toBe(true);
    expect(RejectInput.safeParse({ requestId: "r1", reason: "EXPIRED" }).success).toBe(false);
  });
});
