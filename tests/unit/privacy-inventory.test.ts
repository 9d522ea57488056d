/**
 * Every column of the Prisma schema is classified for the owner's export (issue 14 point 3):
 * exported, or left out with a reason, in lib/privacy/inventory.ts. The models and their columns
 * are read from the generated client (Prisma.ModelName and each model's ScalarFieldEnum, which
 * `node scripts/postinstall.mjs` regenerates from prisma/schema.prisma), so a column added to
 * the schema fails here, by name, until it is classified.
 */
import { describe, expect, it } from "vitest";
import { Prisma } from "../../generated/prisma/browser";
import { INVENTORY } from "../../lib/privacy/inventory";

const namespace = Prisma as unknown as Record<string, Record<string, string> | undefined>;
const models = Object.values(Prisma.ModelName) as string[];

function columnsOf(model: string): string[] {
  const fields = namespace[`${model}ScalarFieldEnum`];
  if (!fields) throw new Error(`generated client has no ${model}ScalarFieldEnum`);
  return Object.values(fields);
}

describe("privacy inventory (lib/privacy/inventory.ts)", () => {
  it("lists every column of every model as exported or excluded with a reason", () => {
    const unlisted = models.flatMap((m) => columnsOf(m).filter((f) => !(INVENTORY[m] && Object.hasOwn(INVENTORY[m], f))).map((f) => `${m}.${f}`));
    expect(unlisted, `columns neither exported nor excluded with a reason in lib/privacy/inventory.ts: ${unlisted.join(", ")}`).toEqual([]);
  });

  it("lists no column the schema does not have (a renamed or dropped column is taken out)", () => {
    const stale = Object.entries(INVENTORY).flatMap(([m, fields]) =>
      models.includes(m) ? Object.keys(fields).filter((f) => !columnsOf(m).includes(f)).map((f) => `${m}.${f}`) : [`${m} (no such model)`],
    );
    expect(stale, `entries in lib/privacy/inventory.ts the schema does not have: ${stale.join(", ")}`).toEqual([]);
  });

  it("gives a reason for every exclusion", () => {
    const bare = Object.entries(INVENTORY).flatMap(([m, fields]) => Object.entries(fields).filter(([, c]) => c !== true && (typeof c !== "string" || c.trim().length < 10)).map(([f]) => `${m}.${f}`));
    expect(bare).toEqual([]);
  });

  it("exports the owner's own account, contact and consent columns", () => {
    for (const f of ["email", "firstName", "lastName", "street", "mobile", "dateOfBirth", "interests", "preferredChannels"]) expect(INVENTORY.User[f], `User.${f}`).toBe(true);
    for (const f of ["confirmedAt", "confirmationIp", "textVersion", "confirmationMethod"]) expect(INVENTORY.Consent[f], `Consent.${f}`).toBe(true);
    // Secrets never leave: a hash would let anyone with the file use the link or guess the password.
    expect(INVENTORY.User.passwordHash).not.toBe(true);
    expect(INVENTORY.Consent.tokenHash).not.toBe(true);
  });
});
