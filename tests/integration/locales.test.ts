import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { signUp } from "@/lib/accounts/sign-up";
import { SignUpInput } from "@/lib/accounts/schemas";
import { renderEmail, type EmailPayloads } from "@/emails";
import { PASSWORD, uniqueAddress, uniqueEmail } from "../factories";

/** Signs up through the form's schema, with the language the page sends (its URL's spelling). */
async function signUpFrom(pageLocale: string) {
  const email = uniqueEmail("lang");
  const input = SignUpInput.parse({ email, firstName: "Lou", lastName: "Martin", password: PASSWORD, passwordConfirm: PASSWORD, locale: pageLocale });
  await signUp({ ...input, address: uniqueAddress() });
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { locale: true } });
  // The sender reads the outbox as SQL (lib/server/mail/sender.ts): the stored spelling, as text.
  const [row] = await db.$queryRaw<{ locale: string; template: string; payload: EmailPayloads["activation"] }[]>`
    SELECT locale::text AS locale, template, payload FROM "OutboxEmail" WHERE "to" = ${email}`;
  return { user, row: row! };
}

describe("an account's language: French and Belgian Dutch end to end in the database", () => {
  it("a sign-up on /nl-BE/ stores nl_BE ('nl-BE' in the database), and its e-mail is Belgian Dutch with a /nl-BE/ link", async () => {
    const { user, row } = await signUpFrom("nl-BE");
    expect(user.locale).toBe("nl_BE");
    expect(row.locale).toBe("nl-BE");
    expect(row.payload.url).toMatch(/\/nl-BE\/activate\//);
    const mail = await renderEmail("activation", row.locale, row.payload);
    expect(mail.subject).toBe("Activeer je Autodossier-account");
    expect(mail.html).toMatch(/<html[^>]*lang="nl-BE"/);
  });

  it("a sign-up on /fr/ stores fr, and its e-mail is French with a /fr/ link", async () => {
    const { user, row } = await signUpFrom("fr");
    expect(user.locale).toBe("fr");
    expect(row.payload.url).toMatch(/\/fr\/activate\//);
    const mail = await renderEmail("activation", row.locale, row.payload);
    expect(mail.subject).toBe("Activez votre compte Autodossier");
    expect(mail.text).toContain("Bonjour Lou,");
    expect(mail.text).toContain("Activer mon compte: ");
  });

  it("the form accepts every spelling of a language the portal speaks, and nothing else", () => {
    const parse = (locale: unknown) => SignUpInput.safeParse({ email: "a@example.test", firstName: "A", lastName: "B", password: PASSWORD, passwordConfirm: PASSWORD, locale });
    expect(parse("nl_BE").data?.locale).toBe("nl_BE");
    expect(parse("nl-be").data?.locale).toBe("nl_BE");
    expect(parse("FR").data?.locale).toBe("fr");
    expect(parse(undefined).data?.locale).toBe("nl");
    expect(parse("de").success).toBe(false);
    expect(parse("fr-BE").success).toBe(false);
  });
});
