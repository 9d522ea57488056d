import { describe, expect, it } from "vitest";
import type { Locale } from "next-intl";
import { createTranslator } from "use-intl/core";
import { hasKey } from "@/i18n/keys";
import { messagesFor } from "@/i18n/messages";
import { isLocale } from "@/i18n/routing";
import { AppError } from "@/lib/server/errors";

// The @ts-expect-error lines are the test of the compiler's side: `npx tsc --noEmit` fails if one
// of them compiles (a wrong key, a language the portal does not speak).
describe("message keys and languages checked by the compiler (i18n/app-config.ts)", () => {
  it("an AppError names a message under errors. or errors.fields.", () => {
    expect(new AppError("GONE").messageKey).toBe("codes.GONE");
    expect(new AppError("VALIDATION", "confirm_required").messageKey).toBe("confirm_required");
    // @ts-expect-error -- no such message under errors.
    expect(new AppError("VALIDATION", "confirm_requried").messageKey).toBe("confirm_requried");
  });

  it("next-intl's Locale is a language the portal speaks", () => {
    const nl: Locale = "nl";
    const fr: Locale = "fr";
    const nlBe: Locale = "nl-BE";
    // @ts-expect-error -- the database's spelling is not a URL language: nl_BE is /nl-BE/.
    const stored: Locale = "nl_BE";
    expect([isLocale(nl), isLocale(fr), isLocale(nlBe), isLocale(stored)]).toEqual([true, true, true, false]);
  });

  it("hasKey admits a key read at run time only when the translator has it", () => {
    const { locale, messages } = messagesFor("en");
    const t = createTranslator({ locale, messages, namespace: "garage" });
    const known = "audit.vehicle_linked";
    const unknown = "audit.vehicle_teleported";
    expect(hasKey(t, known) ? t(known) : null).toBe(messages.garage.audit.vehicle_linked);
    expect(hasKey(t, unknown)).toBe(false);
  });
});
