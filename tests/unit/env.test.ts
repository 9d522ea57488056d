import { describe, expect, it } from "vitest";
import { parseEnv, passwordHashConcurrency } from "@/lib/server/env-schema";

const SECRET = "s".repeat(32);

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("parseEnv accepted the configuration");
}

describe("parseEnv", () => {
  it("fills in defaults when only AUTH_SECRET is given", () => {
    const env = parseEnv({ AUTH_SECRET: SECRET });
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      DATA_DIR: "./data",
      APP_URL: "http://localhost:3000",
      MAIL_FROM: "Autodossier <no-reply@autodossier.test>",
      DEMO_MODE: false,
      SUPPORT_LOCALES: ["nl", "en"],
      MAIL_POLL_MS: 2000,
      RATE_LIMIT_SIGNIN_PER_ADDRESS: 50,
      RATE_LIMIT_FORMS_PER_ADDRESS: 20,
      PASSWORD_HASH_CONCURRENCY: 2,
      LOG_LEVEL: "info",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("derives APP_URL from PORT, and drops a trailing slash from a given APP_URL", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, PORT: "4123" }).APP_URL).toBe("http://localhost:4123");
    expect(parseEnv({ AUTH_SECRET: SECRET, PORT: "4123", APP_URL: "https://autodossier.example/" }).APP_URL).toBe("https://autodossier.example");
  });

  it("treats empty DATABASE_URL and SMTP_URL as unset, and keeps valid ones", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "", SMTP_URL: "" })).toMatchObject({ DATABASE_URL: undefined, SMTP_URL: undefined });
    const env = parseEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "postgresql://u@db:5432/x", SMTP_URL: "smtps://u:p@mail:465" });
    expect(env.DATABASE_URL).toBe("postgresql://u@db:5432/x");
    expect(env.SMTP_URL).toBe("smtps://u:p@mail:465");
  });

  it("parses booleans and lists", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, DEMO_MODE: "1" }).DEMO_MODE).toBe(true);
    expect(parseEnv({ AUTH_SECRET: SECRET, DEMO_MODE: "false" }).DEMO_MODE).toBe(false);
    expect(parseEnv({ AUTH_SECRET: SECRET, SUPPORT_LOCALES: " nl, fr ,," }).SUPPORT_LOCALES).toEqual(["nl", "fr"]);
  });

  it("derives PASSWORD_HASH_CONCURRENCY from libuv's thread pool unless given, and refuses a value below 1", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, UV_THREADPOOL_SIZE: "16" }).PASSWORD_HASH_CONCURRENCY).toBe(8);
    expect(parseEnv({ AUTH_SECRET: SECRET, UV_THREADPOOL_SIZE: "1" }).PASSWORD_HASH_CONCURRENCY).toBe(1);
    expect(parseEnv({ AUTH_SECRET: SECRET, UV_THREADPOOL_SIZE: "16", PASSWORD_HASH_CONCURRENCY: "3" }).PASSWORD_HASH_CONCURRENCY).toBe(3);
    expect(parseEnv({ AUTH_SECRET: SECRET, PASSWORD_HASH_CONCURRENCY: "" }).PASSWORD_HASH_CONCURRENCY).toBe(2);
    expect(passwordHashConcurrency({ UV_THREADPOOL_SIZE: "8" })).toBe(4);
    expect(errorOf({ AUTH_SECRET: SECRET, PASSWORD_HASH_CONCURRENCY: "0" })).toMatch(/PASSWORD_HASH_CONCURRENCY: must be at least 1/);
    expect(errorOf({ AUTH_SECRET: SECRET, PASSWORD_HASH_CONCURRENCY: "two" })).toMatch(/PASSWORD_HASH_CONCURRENCY: must be a whole number/);
    expect(() => passwordHashConcurrency({ PASSWORD_HASH_CONCURRENCY: "2.5" })).toThrow(/PASSWORD_HASH_CONCURRENCY: must be a whole number/);
  });

  it("names AUTH_SECRET when it is missing", () => {
    const msg = errorOf({});
    expect(msg).toMatch(/^Invalid configuration/);
    expect(msg).toMatch(/^\s+AUTH_SECRET: /m);
  });

  it("says how long AUTH_SECRET must be when it is too short", () => {
    expect(errorOf({ AUTH_SECRET: "short" })).toMatch(/AUTH_SECRET: must be at least 32 characters/);
  });

  it("names DATABASE_URL and the accepted schemes when it is not a PostgreSQL URL", () => {
    const msg = errorOf({ AUTH_SECRET: SECRET, DATABASE_URL: "mysql://root@db/x" });
    expect(msg).toMatch(/DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//);
    expect(msg).not.toMatch(/AUTH_SECRET/);
  });

  it("names SMTP_URL when it is not an SMTP URL", () => {
    expect(errorOf({ AUTH_SECRET: SECRET, SMTP_URL: "http://mail:25" })).toMatch(/SMTP_URL: must start with smtp:\/\/ or smtps:\/\//);
  });

  it("refuses a bad PORT, DEMO_MODE or APP_URL, naming each", () => {
    const msg = errorOf({ AUTH_SECRET: SECRET, PORT: "70000", DEMO_MODE: "yes", APP_URL: "ftp://x" });
    expect(msg).toMatch(/PORT: /);
    expect(msg).toMatch(/DEMO_MODE: /);
    expect(msg).toMatch(/APP_URL: /);
  });

  it("requires SMTP_URL in production unless it is a demo: the built-in catcher shows every e-mail", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(errorOf({ AUTH_SECRET: SECRET, NODE_ENV: "production", DOCUMENT_KEY: key })).toMatch(/SMTP_URL: is not set/);
    expect(parseEnv({ AUTH_SECRET: SECRET, NODE_ENV: "production", DOCUMENT_KEY: key, DEMO_MODE: "true" }).SMTP_URL).toBeUndefined();
    expect(parseEnv({ AUTH_SECRET: SECRET, NODE_ENV: "production", DOCUMENT_KEY: key, SMTP_URL: "smtp://mail:25" }).SMTP_URL).toBe("smtp://mail:25");
    expect(parseEnv({ AUTH_SECRET: SECRET }).SMTP_URL).toBeUndefined();
  });

  it("takes LOG_LEVEL among pino's levels, empty meaning info, and names it when unknown", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET, LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(parseEnv({ AUTH_SECRET: SECRET, LOG_LEVEL: "silent" }).LOG_LEVEL).toBe("silent");
    expect(parseEnv({ AUTH_SECRET: SECRET, LOG_LEVEL: "" }).LOG_LEVEL).toBe("info");
    expect(errorOf({ AUTH_SECRET: SECRET, LOG_LEVEL: "verbose" })).toMatch(/LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent/);
  });

  it("trusts a proxy's X-Forwarded-For only when TRUST_PROXY says so", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ AUTH_SECRET: SECRET, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
  });

  it("keeps documents on the disk unless a bucket is given, and checks the S3 settings together", () => {
    const plain = parseEnv({ AUTH_SECRET: SECRET });
    expect(plain.DOCUMENTS_S3_BUCKET).toBeUndefined();
    expect(plain.DATABASE_POOL_SIZE).toBe(10);
    const s3 = parseEnv({
      AUTH_SECRET: SECRET,
      DOCUMENTS_S3_BUCKET: "docs",
      DOCUMENTS_S3_ENDPOINT: "http://minio:9000",
      DOCUMENTS_S3_FORCE_PATH_STYLE: "true",
      DOCUMENTS_S3_ACCESS_KEY_ID: "id",
      DOCUMENTS_S3_SECRET_ACCESS_KEY: "secret",
      DATABASE_POOL_SIZE: "4",
    });
    expect(s3).toMatchObject({ DOCUMENTS_S3_BUCKET: "docs", DOCUMENTS_S3_REGION: "us-east-1", DOCUMENTS_S3_FORCE_PATH_STYLE: true, DATABASE_POOL_SIZE: 4 });
    expect(errorOf({ AUTH_SECRET: SECRET, DOCUMENTS_S3_BUCKET: "docs", DOCUMENTS_S3_ACCESS_KEY_ID: "id" })).toContain("DOCUMENTS_S3_SECRET_ACCESS_KEY");
    expect(errorOf({ AUTH_SECRET: SECRET, DOCUMENTS_S3_ENDPOINT: "http://minio:9000" })).toContain("DOCUMENTS_S3_BUCKET");
    expect(errorOf({ AUTH_SECRET: SECRET, DOCUMENTS_S3_BUCKET: "docs", DOCUMENTS_S3_ENDPOINT: "minio:9000" })).toContain("DOCUMENTS_S3_ENDPOINT");
    expect(errorOf({ AUTH_SECRET: SECRET, DATABASE_POOL_SIZE: "0" })).toContain("DATABASE_POOL_SIZE");
  });

  it("reads the replaced secrets and keys of a rotation as lists, and checks each key", () => {
    const key = Buffer.alloc(32, 1).toString("base64");
    const other = Buffer.alloc(32, 2).toString("base64");
    expect(parseEnv({ AUTH_SECRET: SECRET }).AUTH_SECRET_PREVIOUS).toEqual([]);
    expect(parseEnv({ AUTH_SECRET: SECRET, AUTH_SECRET_PREVIOUS: "old-secret-1, old-secret-2" }).AUTH_SECRET_PREVIOUS).toEqual(["old-secret-1", "old-secret-2"]);
    expect(parseEnv({ AUTH_SECRET: SECRET, DOCUMENT_KEY_PREVIOUS: `${key},${other}` }).DOCUMENT_KEY_PREVIOUS).toEqual([key, other]);
    expect(errorOf({ AUTH_SECRET: SECRET, DOCUMENT_KEY_PREVIOUS: `${key},c2hvcnQ=` })).toContain("DOCUMENT_KEY_PREVIOUS");
  });
});
