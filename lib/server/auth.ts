import "server-only";
import type { NextAuthConfig } from "next-auth";
import { env } from "./env";
import { log } from "./log";
import { usesSecureCookies } from "./session-cookie";
import { SESSION_MAX_AGE_S } from "./session-lifetime";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

/**
 * What every next-auth instance of the app shares: secret, cookies, pages, and a JWT that only
 * carries the id of a server-side session row (AuthSession), checked on every request by
 * lib/server/session.ts: signing out everywhere or disabling a user takes effect on the next
 * request (docs/decisions/0004-sessions.md); lib/server/session-cookie.ts decodes that cookie
 * with the same secrets and cookie name. The instance that signs in and out (the Credentials
 * provider, the /api/auth route handlers, signIn, signOut) adds the accounts feature to this in
 * lib/accounts/next-auth.ts, so that this layer depends on no feature (docs/decisions/0011-boundaries.md).
 */
export function baseAuthConfig(): NextAuthConfig {
  return {
    // The first signs new sessions; the previous ones still open sessions they signed (rotation).
    secret: [env.AUTH_SECRET, ...env.AUTH_SECRET_PREVIOUS],
    trustHost: true,
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/nl/sign-in", error: "/nl/sign-in" },
    providers: [],
    logger: {
      // A refused sign-in is an expected outcome (the form says so), not an error with a stack trace.
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        log.error({ err: error }, "authentication error");
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user?.sid) token.sid = user.sid;
        return token;
      },
      session({ session, token }) {
        session.sid = typeof token.sid === "string" ? token.sid : undefined;
        return session;
      },
    },
  };
}
