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
    /** Sign-in attempts per client address per 15 minutes. */
    RATE_LIMIT_SIGNIN_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  })
  .transform((e) => ({
    ...e,
    APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
  }));

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid configuration (environment variables):\n${lines.join("\n")}`);
  }
  return parsed.data;
}
