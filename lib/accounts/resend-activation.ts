import { assertCan, type Actor } from "../server/authz";
import { AppError } from "../server/errors";
import { audit } from "../server/audit";
import { transaction } from "../server/transaction";
import { issueActivation } from "./activation-links";

/**
 * Support or an administrator sends a new activation link from the user list to an account that
 * was never activated (earlier links become invalid). Nothing else about the account changes: no
 * password is set, and activating an account without one asks for it.
 */
export async function resendActivation(input: { actor: Actor; userId: string }): Promise<{ email: string }> {
  assertCan(input.actor, "users:assist");
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, firstName: true, locale: true, status: true } });
    if (!user) throw new AppError("NOT_FOUND");
    if (user.status !== "INVITED") throw new AppError("CONFLICT", "activation_not_pending");
    await issueActivation(tx, user, { keepsSignUpPassword: false });
    await audit(tx, input.actor, "user.activation_resent", { entityType: "User", entityId: user.id, subjectUserId: user.id });
    return { email: user.email };
  });
}
