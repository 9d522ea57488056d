/**
 * The action wrapper (lib/server/action.ts) run for real, in a request scope
 * (tests/support/request-scope.ts): regressions the fuzz tests (tests/integration/fuzz-*.test.ts) found.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { addCostItemAction, updatePassportAction } from "@/lib/passports/actions";
import { signUpAction } from "@/lib/accounts/actions";
import { garageStaff, stockPassport } from "@/tests/factories/passports";
import { uniqueAddress, uniqueEmail } from "@/tests/factories";
import { callAction, signedIn } from "@/tests/support/request-scope";

describe("characters PostgreSQL cannot store", () => {
  it.each([
    ["NUL in an id", { passportId: "cm\u0000x", status: "IN_STOCK" }, "passportId"],
    ["a lone surrogate in notes", { status: "IN_STOCK", notes: "broken \uD800 text" }, "notes"],
  ])("%s is a field error in the user's language, not a server error, and nothing is stored", async (_what, input, field) => {
    const staff = await garageStaff();
    const passport = await stockPassport(staff);
    const caller = await signedIn(staff.user.id);
    const before = await db.passport.findUniqueOrThrow({ where: { id: passport.passportId } });

    const nl = await callAction(caller, updatePassportAction, { passportId: passport.passportId, ...input });
    expect(nl).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { [field]: expect.stringContaining("teken dat niet kan worden gebruikt") } } });
    const en = await callAction({ ...caller, locale: "en" }, updatePassportAction, { passportId: passport.passportId, ...input });
    expect(en).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { [field]: expect.stringContaining("character that cannot be used") } } });

    expect(await db.passport.findUniqueOrThrow({ where: { id: passport.passportId } })).toEqual(before);
  });

  it("refuses NUL in a signed-out form (sign-up) before anything is written", async () => {
    const email = uniqueEmail("nul");
    const r = await callAction({ address: uniqueAddress() }, signUpAction, {
      email,
      firstName: "A\u0000",
      lastName: "B",
      password: "a-long-enough-password",
      passwordConfirm: "a-long-enough-password",
      locale: "nl",
    });
    expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { firstName: expect.stringContaining("teken dat niet kan worden gebruikt") } } });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("still accepts an emoji (a valid surrogate pair) and stores it as typed", async () => {
    const staff = await garageStaff();
    const passport = await stockPassport(staff);
    const caller = await signedIn(staff.user.id);
    const r = await callAction(caller, addCostItemAction, { passportId: passport.passportId, description: "Wassen 🚗", amount: "12,50" });
    expect(r).toMatchObject({ ok: true });
    expect(await db.passportCostItem.findFirst({ where: { passportId: passport.passportId }, select: { description: true } })).toEqual({ description: "Wassen 🚗" });
  });
});
