import "server-only";
import { parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/**
 * The validated configuration, read once on first use (not at import, so `next build` needs no
 * secrets); nothing else reads process.env. A missing or bad value stops with a clear message.
 */
export const env: Env = new Proxy({} as Env, {
  get(_t, prop) {
    cached ??= parseEnv(process.env);
    return cached[prop as keyof Env];
  },
});
export type { Env };
