import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const list = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v && v.trim() ? v : fallback)
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    );

/** An optional whole number from 1 to max; unset or empty is undefined. */
/** A text setting; empty or blank reads as unset. */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

const wholeNumber = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? Number(v.trim()) : undefined))
    .pipe(z.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1").max(max, `must be at most ${max}`).optional());

/**
 * How many password hashes (scrypt, 32 MiB and tens of milliseconds each) run at once; the rest
 * queue, sign-in checks first (lib/server/password.ts). Read by password.ts itself too (through
 * passwordHashConcurrency below), because the seed script hashes outside the server.
 */
const hashingFields = {
  PASSWORD_HASH_CONCURRENCY: wholeNumber(64),
  /** Node's own setting: the size of libuv's thread pool (default 4), which hashing shares with file and DNS work. */
  UV_THREADPOOL_SIZE: wholeNumber(1024),
};

/** Unset: half of libuv's thread pool (2 of Node's default 4), so file and DNS work keep threads. */
function hashConcurrency(e: { PASSWORD_HASH_CONCURRENCY?: number; UV_THREADPOOL_SIZE?: number }): number {
  return e.PASSWORD_HASH_CONCURRENCY ?? Math.max(1, Math.floor((e.UV_THREADPOOL_SIZE ?? 4) / 2));
}

/** pino's levels, most severe first. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** PostgreSQL connection string. Unset: the embedded database under DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    /** Where the embedded database and local documents live; `memory://` for an in-memory database. */
    DATA_DIR: z.string().default("./data"),
    APP_URL: z.url({ protocol: /^https?$/ }).optional(),
    AUTH_SECRET: z
      .string({ error: "is not set: give it a random secret of at least 32 characters (e.g. `openssl rand -base64 32`)" })
      .min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)"),
    /**
     * Secret rotation (docs/deploy.md): the secrets AUTH_SECRET replaced, comma-separated. Sessions
     * signed with them stay valid until they expire; new ones are signed with AUTH_SECRET.
     */
    AUTH_SECRET_PREVIOUS: z
      .string()
      .optional()
      .transform((v) => (v ?? "").split(",").map((k) => k.trim()).filter(Boolean)),
    /** smtp://user:pass@host:port. Unset: the built-in mail catcher (see /dev/mail). */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    MAIL_FROM: z.string().default("Autodossier <no-reply@autodossier.test>"),
    /** Shows the demo accounts on the sign-in page. */
    DEMO_MODE: bool,
    /** Languages central support reviews verification requests in. */
    SUPPORT_LOCALES: list("nl,en"),
    /** Interval of the in-process outbox sender, in milliseconds. */
    MAIL_POLL_MS: z.coerce.number().int().min(50).default(2000),
    /**
     * Behind a reverse proxy that appends the client's address to X-Forwarded-For: take the
     * address from its last entry. Off (default): the socket's address, whatever headers say.
     */
    TRUST_PROXY: bool,
    /** Sign-in attempts per client address per 15 minutes. */
    RATE_LIMIT_SIGNIN_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
    /**
     * Per client address and hour, for each signed-out form apart from sign-in: sign-ups, reset
     * requests, and forms that set a password from an e-mailed link (docs/decisions/0016).
     */
    RATE_LIMIT_FORMS_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
    ...hashingFields,
    /** AES-256 key (32 bytes, base64) encrypting uploaded verification documents at rest. */
    DOCUMENT_KEY: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v.trim() : undefined))
      .refine((v) => v === undefined || Buffer.from(v, "base64").length === 32, "must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)"),
    /**
     * Key rotation (docs/deploy.md): the keys DOCUMENT_KEY replaced, comma-separated, still used
     * to read documents stored before the switch (new ones use DOCUMENT_KEY). Drop a key once
     * the documents it encrypted are gone (at most 30 days: docs/decisions/0007).
     */
    DOCUMENT_KEY_PREVIOUS: z
      .string()
      .optional()
      .transform((v) => (v ?? "").split(",").map((k) => k.trim()).filter(Boolean))
      .refine((keys) => keys.every((k) => Buffer.from(k, "base64").length === 32), "each key must be 32 bytes in base64"),
    /** Where uploaded verification documents are kept (encrypted); default DATA_DIR/documents. */
    DOCUMENTS_DIR: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v.trim() : undefined)),
    /**
     * Connections each app process keeps to PostgreSQL. With N nodes, N × this must stay under
     * the server's max_connections, or PgBouncer's pool in front of it (docs/deploy.md).
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    /**
     * S3-compatible object storage for uploaded documents (several app nodes share it). Set the
     * bucket to use it; unset, documents stay on the local disk (DOCUMENTS_DIR). The endpoint is
     * for non-AWS stores (MinIO, Ceph, ...), which usually also need path-style addressing.
     */
    DOCUMENTS_S3_BUCKET: optionalText,
    DOCUMENTS_S3_PREFIX: optionalText,
    DOCUMENTS_S3_ENDPOINT: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v.trim() : undefined))
      .pipe(z.url({ protocol: /^https?$/ }).optional()),
    DOCUMENTS_S3_REGION: z
      .string()
      .optional()
      .transform((v) => v?.trim() || "us-east-1"),
    DOCUMENTS_S3_ACCESS_KEY_ID: optionalText,
    DOCUMENTS_S3_SECRET_ACCESS_KEY: optionalText,
    DOCUMENTS_S3_FORCE_PATH_STYLE: bool,
    /** The least severe log lines written (JSON, one a line, to stdout); `silent` writes none. */
    LOG_LEVEL: z
      .string()
      .optional()
      .transform((v) => v?.trim() || "info")
      .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
    /**
     * The RDW's open data (Socrata) that fills in make, model, year and fuel from a Dutch plate
     * (lib/vehicles/rdw.ts); `off` never asks it. Tests point it at a server replaying recorded
     * answers (tests/fixtures/rdw/).
     */
    RDW_API_URL: z
      .string()
      .optional()
      .transform((v) => v?.trim() || "https://opendata.rdw.nl")
      .pipe(z.union([z.literal("off"), z.url({ protocol: /^https?$/, error: "must be an http(s) URL or off" })])),
  })
  .superRefine((e, ctx) => {
    if (e.NODE_ENV === "production" && !e.SMTP_URL && !e.DEMO_MODE) {
      // The built-in catcher shows every e-mail (activation and reset links) on /dev/mail: only
      // for development and demos.
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "is not set: give the SMTP server that delivers e-mail (smtp://user:pass@host:587); the built-in mail catcher runs only in development or with DEMO_MODE=true",
      });
    }
    if (e.NODE_ENV === "production" && !e.DOCUMENT_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["DOCUMENT_KEY"],
        message: "is not set: give it a random 32-byte key in base64 (e.g. `openssl rand -base64 32`); it encrypts uploaded documents, so keep it",
      });
    }
  })
  .superRefine((e, ctx) => {
    if (!!e.DOCUMENTS_S3_ACCESS_KEY_ID !== !!e.DOCUMENTS_S3_SECRET_ACCESS_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["DOCUMENTS_S3_SECRET_ACCESS_KEY"],
        message: "DOCUMENTS_S3_ACCESS_KEY_ID and DOCUMENTS_S3_SECRET_ACCESS_KEY go together: set both, or neither (the SDK then uses the machine's role)",
      });
    }
    if (!e.DOCUMENTS_S3_BUCKET && (e.DOCUMENTS_S3_ENDPOINT || e.DOCUMENTS_S3_ACCESS_KEY_ID)) {
      ctx.addIssue({ code: "custom", path: ["DOCUMENTS_S3_BUCKET"], message: "is not set although other DOCUMENTS_S3_ settings are: give the bucket" });
    }
  })
  .transform((e) => ({
    ...e,
    APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    DOCUMENTS_DIR: e.DOCUMENTS_DIR ?? documentsDirFor(e.DATA_DIR),
    PASSWORD_HASH_CONCURRENCY: hashConcurrency(e),
  }));

/** DATA_DIR/documents; an in-memory database (tests) keeps its documents in the temporary folder. */
function documentsDirFor(dataDir: string): string {
  if (dataDir.startsWith("memory://")) return path.join(tmpdir(), "autodossier-documents");
  return path.join(dataDir, "documents");
}

export type Env = z.infer<typeof EnvSchema>;

function configurationError(error: z.ZodError): Error {
  const lines = error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
  return new Error(`Invalid configuration (environment variables):\n${lines.join("\n")}`);
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) throw configurationError(parsed.error);
  return parsed.data;
}

/** PASSWORD_HASH_CONCURRENCY alone, as parseEnv reads it (for code that runs outside the server too). */
export function passwordHashConcurrency(source: Record<string, string | undefined>): number {
  const parsed = z.object(hashingFields).safeParse(source);
  if (!parsed.success) throw configurationError(parsed.error);
  return hashConcurrency(parsed.data);
}
