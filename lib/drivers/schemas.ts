import { z } from "zod";
import { LocaleInput, NewPassword } from "../accounts/schemas";
import { Email, Id, Text, Token } from "../server/fields";

/** The owner invites a driver: the car and the driver's address (the e-mail's language). */
export const InviteDriverInput = z.object({ vehicleId: Id, email: Email, locale: LocaleInput }).strict();

/** A signed-in driver accepts with the link's token. */
export const AcceptDriverInvitationInput = z.object({ token: Token }).strict();

/** A driver without an account: the account is made and the invitation accepted at once. */
export const AcceptDriverWithNewAccountInput = z
  .object({
    token: Token,
    firstName: Text(100),
    lastName: Text(100),
    password: NewPassword,
    passwordConfirm: z.string(),
    locale: LocaleInput,
  })
  .strict()
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "passwords_differ" });

/** The owner ends one driver's access (the driver's holding). */
export const RevokeDriverInput = z.object({ driverId: Id }).strict();

/** The owner withdraws an invitation not yet accepted. */
export const RevokeDriverInvitationInput = z.object({ invitationId: Id }).strict();

/** The driver stops driving the car (ends their own access). */
export const LeaveCarInput = z.object({ vehicleId: Id }).strict();
