/** Builders for the AutoPaspoort integration tests: garages with fleet accounts, plates, passports, transfers. */
import { randomInt } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { createPassport } from "@/lib/passports/create-passport";
import { confirmTransfer } from "@/lib/passports/confirm-transfer";
import { checkPlate, type NlSidecode } from "@/lib/server/plate";
import { actorFor, createMembership, createOrganisation, createUser, makeVin, outboxFor, tokenFromPayload, uniqueEmail } from "./index";

export async function expectAppError(p: Promise<unknown>, code: AppError["code"], messageKey?: string): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected AppError ${code}${messageKey ? ` ${messageKey}` : ""}`).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  if (messageKey) expect((e as AppError).messageKey).toBe(messageKey);
  return e as AppError;
}

/** Letters valid on every Dutch sidecode (no vowels, C or Q). */
const CONSONANTS = "BDFGHJKLMNPRSTVWXZ";
const SIDECODE_GROUPS: Record<NlSidecode, string[]> = {
  1: ["XX", "99", "99"],
  2: ["99", "99", "XX"],
  3: ["99", "XX", "99"],
  4: ["XX", "99", "XX"],
  5: ["XX", "XX", "99"],
  6: ["99", "XX", "XX"],
  7: ["99", "XXX", "9"],
  8: ["9", "XXX", "99"],
  9: ["XX", "999", "X"],
  10: ["X", "999", "XX"],
  11: ["XXX", "99", "X"],
  12: ["X", "99", "XXX"],
  13: ["9", "XX", "999"],
  14: ["999", "XX", "9"],
};

/** A random valid Dutch plate of a sidecode, in display form (with dashes): never a combination the RDW does not issue. */
export function randomNlPlate(sidecode: NlSidecode = 9): string {
  for (;;) {
    const plate = SIDECODE_GROUPS[sidecode]
      .map((g) => [...g].map((c) => (c === "X" ? CONSONANTS[randomInt(CONSONANTS.length)] : String(randomInt(10)))).join(""))
      .join("-");
    if (checkPlate(plate, "NL").ok) return plate;
  }
}

/** Staff (admin) of a fresh garage that has one fleet account, as an actor. */
export async function garageStaff() {
  const garage = await createOrganisation("GARAGE");
  const fleet = await createOrganisation("FLEET", garage.id);
  const user = await createUser();
  await createMembership(user.id, garage.id, "ADMIN");
  return { garage, fleet, user, actor: await actorFor(user.id) };
}

export type Staff = Awaited<ReturnType<typeof garageStaff>>;

/** A passport through the use case, with a unique plate and VIN. */
export async function stockPassport(staff: Staff, over: Partial<Parameters<typeof createPassport>[0]> = {}) {
  const plate = over.plate ?? randomNlPlate();
  const vin = over.vin ?? makeVin();
  const r = await createPassport({ actor: staff.actor, garageId: staff.garage.id, plate, vin, make: "Honda", model: "Civic", modelYear: 2019, ...over });
  return { ...r, plate, vin };
}

/** Confirms a transfer to `email` (a fresh address by default); returns the raw token of its e-mail. */
export async function confirmTo(staff: Staff, passportId: string, email = uniqueEmail("buyer"), over: Partial<Parameters<typeof confirmTransfer>[0]> = {}) {
  const r = await confirmTransfer({ actor: staff.actor, passportId, name: "Bram Buyer", street: "Kerkstraat 1", postalCode: "3511 AB", city: "Utrecht", email, locale: "nl", ...over });
  const mails = (await outboxFor(email)).filter((m) => m.template.startsWith("passport-transfer-"));
  const token = tokenFromPayload(mails[mails.length - 1]!.payload);
  return { ...r, email, token };
}

export async function stockHolding(vehicleId: string) {
  return db.holding.findFirst({ where: { vehicleId, kind: "STOCK" }, orderBy: { startedAt: "desc" } });
}
