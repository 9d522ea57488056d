import "server-only";
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { baseAuthConfig } from "../server/auth";
import { isAppError } from "../server/errors";
import { requestAddress } from "../server/request-address";
import { endSessionById } from "./sign-out";
import { verifyCredentials } from "./verify-credentials";

/*
 * The accounts feature's next-auth wiring (framework code, like actions.ts): e-mail and password
 * sign-in on top of the shared base configuration of lib/server/auth.ts. The JWT carries only the
 * id of the server-side session verifyCredentials opens (docs/decisions/0004-sessions.md).
 */

class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function clientAddress(request: Request | undefined): string {
  return request ? requestAddress(request.headers) : "unknown";
}

export const { handlers, signIn, signOut } = NextAuth(() => ({
  ...baseAuthConfig(),
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
  events: {
    // next-auth's own /api/auth/signout clears the cookie; the server session ends with it.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSessionById(sid);
    },
  },
}));

/**
 * Signs in someone who has just created their account with a password while accepting an
 * invitation or a car transfer, so they land on their car signed in. Called by server actions
 * only (it sets the session cookie). A refused sign-in (e.g. rate limited) is no failure of the
 * acceptance, which has committed: the person signs in by hand.
 */
export async function signInAfterActivation(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
  }
}
