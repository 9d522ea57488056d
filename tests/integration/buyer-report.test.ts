/**
 * The buyer report (issue 17 part 3, docs/decisions/0036): only the car's current owner makes,
 * lists and revokes links; a link lives 1 to 30 days, stores only its token's hash, counts its
 * views and stops when revoked, expired or when the owner no longer holds the car; the report
 * (what the page renders) and its PDF carry the car's data and nobody's personal data.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { hashToken } from "@/lib/server/tokens";
import { formatPlate } from "@/lib/server/plate";
import { createReportLink } from "@/lib/reports/create-report-link";
import { revokeReportLink } from "@/lib/reports/revoke-report-link";
import { listReportLinks } from "@/lib/reports/queries";
import { readReport } from "@/lib/reports/report";
import { CreateReportLinkInput } from "@/lib/reports/schemas";
import { createReportLinkAction } from "@/lib/reports/actions";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { buildExport } from "@/lib/privacy/export";
import { eraseAccount } from "@/lib/privacy/erase";
import { GET as pdfRoute } from "@/app/api/reports/[token]/pdf/route";
import { actorFor, createMembership, createOrganisation, createUser, makeVin, PASSWORD, uid, uniqueEmail } from "../factories";
import { dealerStaff, expectAppError } from "../factories/linking";
import { randomNlPlate } from "../factories/passports";
import { callAction, callRoute, signedIn } from "../support/request-scope";
import { pdfText } from "../support/pdf-text";

const DAY = 86_400_000;

/** A person with distinctive name, e-mail and address strings, all returned as the strings to look for. */
async function person(role: string) {
  const tag = `${role}${uid()}`;
  const u = await createUser({ email: uniqueEmail(`mail${tag}`) });
  const user = await db.user.update({
    where: { id: u.id },
    data: { firstName: `First${tag}`, lastName: `Last${tag}`, street: `Street${tag} 12`, postalCode: "9999 ZZ", city: `City${tag}`, mobile: "+31611112222" },
  });
  return { user, secrets: [user.email, user.firstName, user.lastName, `Street${tag}`, `City${tag}`, "+31611112222"] };
}

/**
 * A car with a previous owner, a current owner, a driver, a garage whose staff recorded work,
 * an owner's entries of both owners, an open and a resolved recall, a live and an ended warranty.
 */
async function carWithHistory() {
  const [prev, owner, driver, staff] = [await person("prev"), await person("owner"), await person("driver"), await person("staff")];
  const garage = await createOrganisation("GARAGE");
  await createMembership(staff.user.id, garage.id, "ADMIN");
  const plate = randomNlPlate().replace(/-/g, "");
  const vehicle = await db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model: `Cayenne ${uid()}`, modelYear: 2021, fuel: "PETROL", mileageKm: 40_000 } });
  await db.licencePlate.create({ data: { vehicleId: vehicle.id, country: "NL", plate } });
  const now = Date.now();
  await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: prev.user.id, origin: "DEALER_VERIFIED", startedAt: new Date(now - 900 * DAY), endedAt: new Date(now - 400 * DAY), endReason: "OWNERSHIP_CHANGED" } });
  const holding = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.user.id, origin: "DEALER_VERIFIED", startedAt: new Date(now - 400 * DAY) } });
  await db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: driver.user.id, origin: "INVITATION", viaHoldingId: holding.id } });
  const day = (n: number) => new Date(new Date(now - n * DAY).toISOString().slice(0, 10));
  const at = (n: number) => new Date(now - n * DAY);
  await db.serviceRecord.create({ data: { vehicleId: vehicle.id, source: "OWNER", recordedById: prev.user.id, workshopName: "Garage Om De Hoek", kind: "TYRES", performedAt: day(600), mileageKm: 20_000, description: "Winterbanden", createdAt: at(600) } });
  await db.serviceRecord.create({ data: { vehicleId: vehicle.id, source: "WORKSHOP", organisationId: garage.id, recordedById: staff.user.id, kind: "SERVICE", performedAt: day(300), mileageKm: 30_000, description: "Grote beurt", lines: ["Olie ververst"], createdAt: at(300) } });
  await db.serviceRecord.create({ data: { vehicleId: vehicle.id, source: "OWNER", recordedById: owner.user.id, kind: "REPAIR", performedAt: day(100), mileageKm: 40_000, description: "Ruitenwisser", createdAt: at(100) } });
  const code = `RC-${uid()}`;
  await db.recall.create({ data: { vehicleId: vehicle.id, code, description: "Airbag module controleren", issuedAt: at(20) } });
  await db.recall.create({ data: { vehicleId: vehicle.id, code: `OLD-${uid()}`, description: "Oude actie", issuedAt: at(200), resolvedAt: at(150) } });
  await db.warranty.create({ data: { vehicleId: vehicle.id, kind: "FACTORY", startsAt: day(1000), endsAt: day(-200), maxKm: 100_000, provider: "Porsche AG", organisationId: garage.id, createdById: staff.user.id } });
  await db.warranty.create({ data: { vehicleId: vehicle.id, kind: "EXTENDED", startsAt: day(1000), endsAt: day(10), provider: "Verlopen BV", organisationId: garage.id, createdById: staff.user.id } });
  await db.maintenanceDue.create({ data: { vehicleId: vehicle.id, description: "APK", dueOn: day(-30), source: "WORKSHOP", organisationId: garage.id, setById: staff.user.id } });
  await db.holding.update({ where: { id: holding.id }, data: { nickname: `Nick${uid()}` } });
  const nickname = (await db.holding.findUniqueOrThrow({ where: { id: holding.id } })).nickname!;
  return {
    vehicle,
    plate,
    holding,
    garage,
    code,
    owner: { ...owner, actor: await actorFor(owner.user.id) },
    driver: { ...driver, actor: await actorFor(driver.user.id) },
    staff: { ...staff, actor: await actorFor(staff.user.id) },
    prev,
    secrets: [...prev.secrets, ...owner.secrets, ...driver.secrets, ...staff.secrets, nickname],
  };
}

const tokenOf = (url: string) => new URL(url).pathname.split("/").pop()!;

/** Report links on one car: other test files may make links in parallel. */
const linksFor = (vehicleId: string) => db.reportLink.count({ where: { ownerHolding: { vehicleId } } });

describe("making a link", () => {
  it("stores only the token's hash, lives the chosen days, is audited and listed", async () => {
    const car = await carWithHistory();
    const now = new Date();
    const r = await createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 30, locale: "fr", now });
    expect(r.url).toMatch(/^http:\/\/localhost:3999\/fr\/report\/[\w-]{43}$/);
    const token = tokenOf(r.url);
    const row = await db.reportLink.findUniqueOrThrow({ where: { id: r.linkId } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(30 * DAY);
    expect(row.ownerHoldingId).toBe(car.holding.id);
    expect(await db.auditLog.count({ where: { action: "report.link_created", entityId: r.linkId, vehicleId: car.vehicle.id } })).toBe(1);
    expect(await listReportLinks(car.owner.actor, car.vehicle.id)).toMatchObject([{ id: r.linkId, state: "live", views: 0 }]);
  });

  it("accepts 1 to 30 whole days only (zod), with the message next to the field", async () => {
    const ok = (days: unknown) => CreateReportLinkInput.safeParse({ vehicleId: "c1", days }).success;
    for (const d of [1, "1", 7, "30", 30]) expect(ok(d), String(d)).toBe(true);
    for (const d of [0, "0", 31, "31", -1, 1.5, "abc", "", null, undefined, "1e3"]) expect(ok(d), String(d)).toBe(false);
    const bad = CreateReportLinkInput.safeParse({ vehicleId: "c1", days: 31 });
    expect(bad.error?.issues[0]?.message).toBe("report_days");
    // Through the action: a field error in the caller's language, nothing stored.
    const car = await carWithHistory();
    const caller = await signedIn(car.owner.user.id, { locale: "en" });
    const before = await linksFor(car.vehicle.id);
    const r = await callAction(caller, createReportLinkAction as never, { vehicleId: car.vehicle.id, days: "31" });
    expect(r).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { days: "Choose a whole number of days from 1 to 30." } } });
    expect(await linksFor(car.vehicle.id)).toBe(before);
    const fr = await callAction(await signedIn(car.owner.user.id, { locale: "fr" }), createReportLinkAction as never, { vehicleId: car.vehicle.id, days: "0" });
    expect(fr).toMatchObject({ ok: false, error: { fieldErrors: { days: "Choisissez un nombre entier de jours, de 1 à 30." } } });
    // The use case checks too, whoever calls it.
    await expect(createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 45, locale: "en" })).rejects.toThrow();
    // An unknown field is refused (strict).
    const extra = await callAction(caller, createReportLinkAction as never, { vehicleId: car.vehicle.id, days: "5", ownerHoldingId: car.holding.id });
    expect(extra).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await linksFor(car.vehicle.id)).toBe(before);
  });
});

describe("only the car's current owner", () => {
  it("creates, lists and revokes: another owner, the car's driver, dealer and garage staff get not found", async () => {
    const car = await carWithHistory();
    const mine = await createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 5, locale: "nl" });
    const otherOwner = await actorFor((await person("other")).user.id);
    await db.holding.create({ data: { vehicleId: (await db.vehicle.create({ data: { vin: makeVin(), make: "Audi", model: "A4", modelYear: 2020, fuel: "DIESEL" } })).id, kind: "OWNER", userId: otherOwner.userId, origin: "DEALER_VERIFIED" } });
    const dealer = (await dealerStaff("ADMIN")).actor;
    const garageStaff = car.staff.actor;
    const prevOwner = await actorFor(car.prev.user.id);
    const before = await linksFor(car.vehicle.id);
    for (const actor of [otherOwner, car.driver.actor, dealer, garageStaff, prevOwner]) {
      await expectAppError(createReportLink({ actor, vehicleId: car.vehicle.id, days: 5, locale: "nl" }), "NOT_FOUND");
      expect(await listReportLinks(actor, car.vehicle.id)).toBeNull();
      await expectAppError(revokeReportLink({ actor, linkId: mine.linkId }), "NOT_FOUND");
    }
    expect(await linksFor(car.vehicle.id)).toBe(before);
    expect((await db.reportLink.findUniqueOrThrow({ where: { id: mine.linkId } })).revokedAt).toBeNull();
    // The owner revokes; a second revoke reads as not found.
    await revokeReportLink({ actor: car.owner.actor, linkId: mine.linkId });
    await expectAppError(revokeReportLink({ actor: car.owner.actor, linkId: mine.linkId }), "NOT_FOUND");
    expect(await db.auditLog.count({ where: { action: "report.link_revoked", entityId: mine.linkId } })).toBe(1);
  });

  it("refuses garage staff, other owners and the driver with NOT_FOUND through the action too", async () => {
    const car = await carWithHistory();
    const other = await person("intruder");
    const staffCaller = await signedIn(car.staff.user.id, { locale: "en" });
    const otherCaller = await signedIn(other.user.id, { locale: "en" });
    const driverCaller = await signedIn(car.driver.user.id, { locale: "en" });
    for (const caller of [otherCaller, driverCaller, staffCaller]) {
      const r = await callAction(caller, createReportLinkAction as never, { vehicleId: car.vehicle.id, days: "5" });
      expect(r).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      for (const s of car.secrets) expect(JSON.stringify(r)).not.toContain(s);
    }
    expect(await linksFor(car.vehicle.id)).toBe(0);
  });
});

describe("the report behind a link", () => {
  it("shows the car, its history with workshops, the mileage verdict, open recalls and warranties left, and nobody's personal data", async () => {
    const car = await carWithHistory();
    const { url } = await createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 3, locale: "en" });
    const r = await readReport(tokenOf(url), { locale: "en", count: true });
    if (r.state !== "ok") throw new Error(r.state);
    const rep = r.report;
    expect(rep.vehicle).toMatchObject({ make: "Porsche", model: car.vehicle.model, modelYear: 2021, vin: car.vehicle.vin, plate: { plate: car.plate, country: "NL" } });
    expect(rep.history.entries.map((e) => [e.description, e.workshop, e.reportedBy])).toEqual([
      ["Ruitenwisser", null, "owner"],
      ["Grote beurt", car.garage.name, "workshop"],
      ["Winterbanden", "Garage Om De Hoek", "previousOwner"],
    ]);
    expect(rep.history.mileage).toMatchObject({ verdict: "logical", latest: { km: 40_000 } });
    expect(rep.recalls.map((x) => x.code)).toEqual([car.code]);
    expect(rep.warranties.map((w) => w.provider)).toEqual(["Porsche AG"]);
    expect(rep.history.entries.every((e) => e.attachments.length === 0 && !e.correctable)).toBe(true);
    const json = JSON.stringify(rep);
    for (const s of car.secrets) expect(json, s).not.toContain(s);
    for (const id of [car.owner.user.id, car.prev.user.id, car.driver.user.id, car.staff.user.id]) expect(json).not.toContain(id);
  });

  it("as a PDF: application/pdf, parses, carries the plate and the mark, in the reader's language, and no personal data", async () => {
    const car = await carWithHistory();
    const { url } = await createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 3, locale: "en" });
    const token = tokenOf(url);
    const anonymous = { address: "buyer" };
    const get = (locale: string) => callRoute(anonymous, pdfRoute as never, { path: `/api/reports/${token}/pdf?locale=${locale}`, params: { token } });
    const res = await get("fr");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const { pages, text } = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain(formatPlate(car.plate, "NL"));
    expect(text).toContain(car.vehicle.vin);
    expect(text).toContain("Vérifié par Autodossier le");
    expect(text).toContain("Historique d’entretien");
    expect(text).toContain(car.garage.name);
    expect(text).toContain("Grote beurt");
    expect(text).toContain(car.code);
    expect(text).toContain("Porsche AG");
    expect(text).not.toContain(car.vehicle.id);
    for (const s of car.secrets) expect(text, s).not.toContain(s);
    const nl = await pdfText(new Uint8Array(await (await get("nl")).arrayBuffer()));
    expect(nl.text).toContain("Geverifieerd door Autodossier op");
    // The PDF does not count as a view.
    expect((await db.reportLink.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).views).toBe(0);
  });

  it("counts each view; revoked, expired, the car sold or removed, or an unknown token: nothing of the car", async () => {
    const car = await carWithHistory();
    const { url, linkId } = await createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 1, locale: "en" });
    const token = tokenOf(url);
    for (let i = 0; i < 3; i++) expect((await readReport(token, { locale: "en", count: true })).state).toBe("ok");
    await Promise.all([1, 2, 3, 4].map(() => readReport(token, { locale: "nl", count: true })));
    expect((await listReportLinks(car.owner.actor, car.vehicle.id))!.find((l) => l.id === linkId)).toMatchObject({ views: 7 });

    // Expired: a day and a second later.
    const later = new Date(Date.now() + DAY + 1000);
    expect(await readReport(token, { locale: "en", count: true, now: later })).toEqual({ state: "gone" });
    expect((await listReportLinks(car.owner.actor, car.vehicle.id, later))![0]).toMatchObject({ state: "expired", views: 7 });

    // Revoked.
    const second = await createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 10, locale: "en" });
    await revokeReportLink({ actor: car.owner.actor, linkId: second.linkId });
    expect(await readReport(tokenOf(second.url), { locale: "en", count: true })).toEqual({ state: "gone" });
    const pdf = await callRoute({}, pdfRoute as never, { path: `/api/reports/${tokenOf(second.url)}/pdf?locale=en`, params: { token: tokenOf(second.url) } });
    expect(pdf.status).toBe(404);
    expect(await pdf.text()).not.toContain(car.vehicle.vin);
    expect((await db.reportLink.findUniqueOrThrow({ where: { id: second.linkId } })).views).toBe(0);

    // An unknown or malformed token.
    expect(await readReport("x".repeat(43), { locale: "en", count: true })).toEqual({ state: "invalid" });
    expect(await readReport("../etc", { locale: "en", count: true })).toEqual({ state: "invalid" });

    // The owner removes the car: a link still in its days stops working.
    const third = await createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 10, locale: "en" });
    await removeVehicle({ actor: car.owner.actor, vehicleId: car.vehicle.id, understood: true });
    expect(await readReport(tokenOf(third.url), { locale: "en", count: true })).toEqual({ state: "gone" });
  });

  it("is in the owner's export without its token", async () => {
    const car = await carWithHistory();
    const r = await createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 2, locale: "en" });
    const doc = await buildExport({ actor: car.owner.actor });
    expect(doc.reportLinks).toMatchObject([{ id: r.linkId, ownerHoldingId: car.holding.id, views: 0 }]);
    expect(doc.reportLinks[0]).not.toHaveProperty("tokenHash");
    const otherDoc = await buildExport({ actor: car.driver.actor });
    expect(otherDoc.reportLinks).toEqual([]);
  });

  it("stops when its owner deletes their account: the link is revoked", async () => {
    const car = await carWithHistory();
    const r = await createReportLink({ actor: car.owner.actor, vehicleId: car.vehicle.id, days: 20, locale: "en" });
    await eraseAccount({ actor: car.owner.actor, password: PASSWORD, understood: true });
    expect((await db.reportLink.findUniqueOrThrow({ where: { id: r.linkId } })).revokedAt).not.toBeNull();
    expect(await readReport(tokenOf(r.url), { locale: "en", count: true })).toEqual({ state: "gone" });
  });
});
