import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { verifyPassword } from "@/lib/server/password";
import { hashToken } from "@/lib/server/tokens";
import { LIMITS } from "@/lib/server/rate-limit";
import { requestActivation } from "@/lib/accounts/request-activation";
import { RequestActivationInput } from "@/lib/accounts/schemas";
import { activateAccount } from "@/lib/accounts/activate-account";
import { verifyCredentials } from "@/lib/accounts/verify-credentials";
import { createAuthToken, createUser, outboxFor, tokenFromPayload, uniqueAddress, uniqueEmail } from "../factories";

const APP_URL = process.env.APP_URL!;

async function expectAppError(p: Promise<unknown>, code: AppError["code"], messageKey?: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (messageKey) expect((e as AppError).messageKey).toBe(messageKey);
  return e as AppError;
}

const activationMails = async (email: string) => (await outboxFor(email)).filter((m) => m.template === "activation");
const tokensOf = (userId: string) => db.authToken.findMany({ where: { userId, kind: "ACTIVATION" }, orderBy: { createdAt: "asc" } });

/** The form's one answer: the call resolves with nothing, whatever the address. */
async function request(email: string, address = uniqueAddress()) {
  await expect(requestActivation({ email, address })).resolves.toBeUndefined();
}

describe("requestActivation (sign-in page: did not get the activation e-mail?)", () => {
  it("sends a not-yet-activated account a new link that replaces the earlier one, and changes nothing else", async () => {
    const user = await createUser({ status: "INVITED", locale: "en" });
    const { token: old } = await createAuthToken(user.id, "ACTIVATION");

    await request(user.email);

    const mails = await activationMails(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ locale: "en", payload: { name: "Test" } });
    const token = tokenFromPayload(mails[0]!.payload);
    expect(String((mails[0]!.payload as { url: string }).url)).toBe(`${APP_URL}/en/activate/${token}`);
    // The earlier link no longer works; the new one is the only live token.
    await expectAppError(activateAccount({ token: old, address: uniqueAddress() }), "GONE", "link_expired");
    const live = (await tokensOf(user.id)).filter((t) => t.expiresAt > new Date());
    expect(live.map((t) => t.tokenHash)).toEqual([hashToken(token)]);
    // The account itself is untouched: same status, same password.
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ status: "INVITED", passwordHash: user.passwordHash, firstName: user.firstName, locale: "en" });

    // A resent link is no sign-up's own link: its holder chooses the password (decision 0016).
    await expectAppError(activateAccount({ token, address: uniqueAddress() }), "VALIDATION", "password_needed");
    await activateAccount({ token, password: "chosen-at-activation", address: uniqueAddress() });
    expect((await verifyCredentials({ email: user.email, password: "chosen-at-activation", address: uniqueAddress() })).userId).toBe(user.id);
  });

  it("sets no password on an account without one: activation asks for it", async () => {
    const user = await createUser({ status: "INVITED", password: null });
    await request(user.email);
    const [mail] = await activationMails(user.email);
    expect(mail).toBeDefined();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();

    const token = tokenFromPayload(mail!.payload);
    await expectAppError(activateAccount({ token, address: uniqueAddress() }), "VALIDATION", "password_needed");
    await activateAccount({ token, password: "chosen-at-activation", address: uniqueAddress() });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.status).toBe("ACTIVE");
    expect(await verifyPassword("chosen-at-activation", after.passwordHash)).toBe(true);
  });

  it("finds the account however the address is typed in the form (the schema trims and lower-cases it)", async () => {
    const user = await createUser({ status: "INVITED" });
    const input = RequestActivationInput.parse({ email: `  ${user.email.toUpperCase()} `, locale: "nl" });
    await request(input.email);
    expect(await activationMails(user.email)).toHaveLength(1);
  });

  it("answers the same for an unknown address and sends nothing, creating no account", async () => {
    const email = uniqueEmail("nobody");
    await request(email);
    expect(await outboxFor(email)).toEqual([]);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("answers the same for an active account and sends nothing", async () => {
    const user = await createUser({ status: "ACTIVE" });
    await request(user.email);
    expect(await outboxFor(user.email)).toEqual([]);
    expect(await tokensOf(user.id)).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("ACTIVE");
  });

  it("answers the same for a disabled account and sends nothing: it is not reopened this way", async () => {
    const user = await createUser({ status: "DISABLED" });
    await request(user.email);
    expect(await outboxFor(user.email)).toEqual([]);
    expect(await tokensOf(user.id)).toEqual([]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("DISABLED");
  });

  it(`sends at most ${LIMITS.accountMailPerAccount.max} links an hour to one address, from any number of clients`, async () => {
    const user = await createUser({ status: "INVITED" });
    for (let i = 0; i < LIMITS.accountMailPerAccount.max + 3; i++) await request(user.email);
    expect(await activationMails(user.email)).toHaveLength(LIMITS.accountMailPerAccount.max);
  });

  it(`serves one client at most ${LIMITS.activationPerAddress.max} requests an hour, whatever the addresses asked for`, async () => {
    const client = uniqueAddress();
    // Unknown addresses count too, so trying addresses cannot go on for free.
    for (let i = 0; i < LIMITS.activationPerAddress.max; i++) await request(uniqueEmail("probe"), client);
    const user = await createUser({ status: "INVITED" });
    await request(user.email, client);
    expect(await outboxFor(user.email)).toEqual([]);
    // Another client still gets the link for the same account.
    await request(user.email);
    expect(await activationMails(user.email)).toHaveLength(1);
  });
});
