import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "./env";
import { verifyCredentials } from "../accounts/verify-credentials";
import { endSessionById } from "../accounts/sign-out";
import { isAppError } from "./errors";
import { requestAddress } from "./request-address";
import { log } from "./log";

declare module "next-auth" {
  interface Session {
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

function clientAddress(request: Request | undefined): string {
  return request ? requestAddress(request.headers) : "unknown";
}

/**
 * next-auth with e-mail and password. The JWT only carries the id of a server-side session row
 * (AuthSession), checked on every request by lib/server/session.ts: signing out everywhere or
 * disabling a user takes effect on the next request (docs/decisions/0004-sessions.md).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env.AUTH_SECRET,
  trustHost: true,
  useSecureCookies: env.APP_URL.startsWith("https://"),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/nl/sign-in", error: "/nl/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        try {
          const { userId, sessionId } = await verifyCredentials({
            email: String(credentials?.email ?? ""),
            password: String(credentials?.password ?? ""),
            address: clientAddress(request),
            userAgent: request?.headers?.get("user-agent") ?? null,
          });
          return { id: userId, sid: sessionId };
        } catch (e) {
          if (isAppError(e)) throw new SignInRefused(e.code === "RATE_LIMITED" ? "rate_limited" : "invalid");
          throw e;
        }
      },
    }),
  ],
  logger: {
    // A refused sign-in is an expected outcome (the form says so), not an error with a stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      log.error({ err: error }, "authentication error");
    },
  },
  events: {
    // next-auth's own /api/auth/signout clears the cookie; the server session ends with it.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSessionById(sid);
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
}));
