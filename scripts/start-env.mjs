// Decisions `npm start` takes from the operator's environment, read before it sets anything of
// its own (it starts the server with NODE_ENV=production whatever the operator set). Pure.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A start configured for production: the operator set NODE_ENV=production, or gave an APP_URL
 * that is not this machine (an APP_URL nobody can read counts as not local).
 * @param {Record<string, string | undefined>} env the operator's environment
 * @returns {boolean}
 */
export function productionConfigured(env) {
  if (env.NODE_ENV?.trim() === "production") return true;
  const appUrl = env.APP_URL?.trim();
  if (!appUrl) return false;
  try {
    return !LOCAL_HOSTS.has(new URL(appUrl).hostname);
  } catch {
    return true;
  }
}

/**
 * Whether this start runs in demo mode (the demo world seeded, its accounts and their published
 * password shown on the sign-in page). A DEMO_MODE the operator spelled out is followed; without
 * one, only a start on the embedded database that is not configured for production is a demo:
 * the README's `npm start`. A production start on the embedded database runs without the demo
 * (and then needs SMTP_URL and DOCUMENT_KEY like any production start).
 * @param {Record<string, string | undefined>} env the operator's environment
 * @returns {boolean}
 */
export function demoModeOf(env) {
  const given = env.DEMO_MODE?.trim();
  if (given) return given === "true" || given === "1";
  return !env.DATABASE_URL && !productionConfigured(env);
}
