import "server-only";
import { AuthError } from "next-auth";
import { signIn } from "./auth";

/**
 * Signs in someone who has just created their account with a password while accepting an
 * invitation or a car transfer, so they land on their car signed in. Called by server actions
 * only (it sets the session cookie); lives in lib/server beside auth.ts because a use case under
 * lib/<feature> may not touch next-auth. A refused sign-in (e.g. rate limited) is no failure of
 * the acceptance, which has committed: the person signs in by hand.
 */
export async function signInAfterActivation(email: string, password: string): Promise<void> {
  try {
    await signIn("credentials", { email, password, redirect: false });
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
  }
}
