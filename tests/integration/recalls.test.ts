/**
 * Recall campaigns and warranties (issue 13, point 5; docs/decisions/0027-recalls-warranties-maintenance.md):
 * support registers a campaign by model or by a CSV list of VINs, each affected car gets one open
 * recall and its owner one message and one e-mail, all in one transaction; a workshop that services
 * the car closes it with a service entry; warranties with what is left; who reads and writes what.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { today } from "@/lib/server/dates";
import { transaction } from "@/lib/server/transaction";
import type { Actor } from "@/lib/server/authz";
import { openRecalls, registerCampaign, VinListRejected } from "@/lib/recalls/register-campaign";
import { addWarranty } from "@/lib/recalls/add-warranty";
import { getOwnerCarCare, getWorkshopCarCare, listCampaigns } from "@/lib/recalls/queries";
import { recordWorkshopEntry } from "@/lib/dossier/record-workshop-entry";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { actorFor, createUser, makeVin, outboxFor, uid } from "../factories";
import { dealerStaff, expectAppError, ownerAccount } from "../factories/linking";
import { garageStaff, stockPassport } from "../factories/passports";
import { refusal } from "../factories/errors";
import { AppError } from "@/lib/server/errors";

const DAY = 86_400_000;
const day = (n: number) => new Date(today().getTime() + n * DAY);

const texts = (code: string) => ({
  code,
  titleNl: `Airbag controleren ${code}`,
  titleEn: `Check the airbag ${code}`,
  titleFr: `Contrôler l'airbag ${code}`,
  descriptionNl: "De airbag van de bestuurder kan verkeerd afgaan.",
  descriptionEn: "The driver's airbag may deploy wrongly.",
  descriptionFr: "L'airbag du conducteur peut se déclencher à tort.",
});

async function supportActor(): Promise<Actor> {
  return actorFor((await createUser({ platformRole: "SUPPORT" })).id);
}

/** A car of `model` (unique per test) held by a fresh owner (linked by `dealerId`), with a driver. */
async function ownedCar(model: string, modelYear: number, opts: { dealerId?: string; locale?: "nl" | "en" } = {}) {
  const owner = await ownerAccount({ locale: opts.locale ?? "nl" });
  const vehicle = await db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model, modelYear, fuel: "PETROL", mileageKm: 20_000 } });
  const holding = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.user.id, origin: "DEALER_VERIFIED", linkedByOrganisationId: opts.dealerId ?? null } });
  const driverUser = await createUser();
  await db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: driverUser.id, origin: "DEALER_VERIFIED", viaHoldingId: holding.id } });
  return { owner, vehicle, holding, driver: await actorFor(driverUser.id) };
}

/** A read that finds nothing: null, or NOT_FOUND for someone without the permission at all. */
async function readsNothing(p: Promise<unknown>) {
  const r = await p.catch((e: unknown) => (e instanceof AppError && e.code === "NOT_FOUND" ? null : Promise.reject(e)));
  expect(r).toBeNull();
}

const code = () => `T-${uid()}`.toUpperCase();
const byModel = (model: string, over: Partial<Parameters<typeof registerCampaign>[0]> = {}) => ({ ...texts(code()), scope: "MODEL" as const, make: "porsche", model: model.toLowerCase(), ...over });

describe("registering a campaign by make, model and model years", () => {
  it("opens one recall on each car in the years, messages and e-mails each owner in their language, and audits it", async () => {
    const support = await supportActor();
    const model = `Cayenne-${uid()}`;
    const before = await ownedCar(model, 2019);
    const first = await ownedCar(model, 2020, { locale: "nl" });
    const last = await ownedCar(model, 2022, { locale: "en" });
    const after = await ownedCar(model, 2023);
    const input = byModel(model, { yearFrom: 2020, yearTo: 2022 });
    const r = await registerCampaign({ actor: support, ...input });
    expect(r).toMatchObject({ cars: 2, owners: 2 });
    const recalls = await db.recall.findMany({ where: { campaignId: r.campaignId }, orderBy: { vehicleId: "asc" } });
    expect(recalls.map((x) => x.vehicleId).sort()).toEqual([first.vehicle.id, last.vehicle.id].sort());
    expect(recalls.every((x) => x.resolvedAt === null && x.code === input.code)).toBe(true);
    for (const out of [before, after]) {
      expect(await db.recall.count({ where: { vehicleId: out.vehicle.id } })).toBe(0);
      expect(await outboxFor(out.owner.user.email)).toEqual([]);
    }
    const [nlMail] = await outboxFor(first.owner.user.email);
    expect(nlMail).toMatchObject({ template: "recall-opened", locale: "nl" });
    expect(nlMail!.payload).toMatchObject({ code: input.code, title: input.titleNl, description: input.descriptionNl, car: `Porsche ${model}` });
    expect(String((nlMail!.payload as { url: string }).url)).toMatch(new RegExp(`/nl/garage/vehicles/${first.vehicle.id}$`));
    const [enMail] = await outboxFor(last.owner.user.email);
    expect(enMail!.payload).toMatchObject({ title: input.titleEn });
    const messages = await db.message.findMany({ where: { userId: { in: [first.owner.user.id, last.owner.user.id] } } });
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.kind === "recall_opened")).toBe(true);
    expect(messages.find((m) => m.userId === first.owner.user.id)).toMatchObject({ vehicleId: first.vehicle.id, data: expect.objectContaining({ code: input.code, link: `/garage/vehicles/${first.vehicle.id}` }) });
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "recall.campaign_registered", entityId: r.campaignId } });
    expect(log).toMatchObject({ actorUserId: support.userId, actorRole: "support" });
    const listed = (await listCampaigns(support, "en")).find((c) => c.id === r.campaignId);
    expect(listed).toMatchObject({ cars: 2, open: 2, title: input.titleEn });
  });

  it("a car in a garage's stock (no owner) gets the recall and nobody is messaged; the driver is never messaged", async () => {
    const support = await supportActor();
    const garage = await garageStaff();
    const p = await stockPassport(garage);
    const v = await db.vehicle.findUniqueOrThrow({ where: { id: p.vehicleId } });
    const car = await ownedCar(v.model, v.modelYear);
    // Scoped to these two cars: other test files write messages in parallel.
    const aboutTheseCars = { where: { vehicleId: { in: [v.id, car.vehicle.id] } } };
    expect(await db.message.count(aboutTheseCars)).toBe(0);
    const r = await registerCampaign({ actor: support, ...texts(code()), scope: "VINS", csv: `${v.vin}\n${car.vehicle.vin}\n` });
    expect(r).toMatchObject({ cars: 2, owners: 1 });
    expect(await db.message.findMany(aboutTheseCars)).toEqual([expect.objectContaining({ userId: car.owner.user.id, vehicleId: car.vehicle.id, kind: "recall_opened" })]);
    expect(await db.message.count({ where: { userId: car.driver.userId } })).toBe(0);
  });

  it("opening the campaign's recall on a car again changes nothing: once per car", async () => {
    const support = await supportActor();
    const model = `Boxster-${uid()}`;
    const car = await ownedCar(model, 2021);
    const r = await registerCampaign({ actor: support, ...byModel(model) });
    const campaign = await db.recallCampaign.findUniqueOrThrow({ where: { id: r.campaignId } });
    const again = await transaction((tx) => openRecalls(tx, campaign, [car.vehicle.id]));
    expect(again).toEqual({ cars: 0, owners: 0 });
    expect(await db.recall.count({ where: { vehicleId: car.vehicle.id } })).toBe(1);
    expect(await outboxFor(car.owner.user.email)).toHaveLength(1);
    expect(await db.message.count({ where: { userId: car.owner.user.id } })).toBe(1);
  });

  it("a code registered already is refused and nothing of the second registration is stored", async () => {
    const support = await supportActor();
    const model = `Panamera-${uid()}`;
    const car = await ownedCar(model, 2021);
    const input = byModel(model);
    await registerCampaign({ actor: support, ...input });
    await expectAppError(registerCampaign({ actor: support, ...input, code: input.code.toUpperCase() }), "CONFLICT", "campaign_code_taken");
    expect(await db.recall.count({ where: { vehicleId: car.vehicle.id } })).toBe(1);
    expect(await outboxFor(car.owner.user.email)).toHaveLength(1);
  });
});

describe("registering a campaign by a CSV list of VINs", () => {
  it("takes a header, semicolons, blank lines and a VIN listed twice; a VIN the portal does not know is kept in the campaign", async () => {
    const support = await supportActor();
    const a = await ownedCar(`Taycan-${uid()}`, 2024);
    const b = await ownedCar(`Taycan-${uid()}`, 2024);
    const unknown = makeVin();
    const csv = `\uFEFFVIN;remark\n${a.vehicle.vin.toLowerCase()};first\n\n${b.vehicle.vin.slice(0, 8)}-${b.vehicle.vin.slice(8)};second\n${a.vehicle.vin};twice\n${unknown};not here\n`;
    const r = await registerCampaign({ actor: support, ...texts(code()), scope: "VINS", csv });
    expect(r).toMatchObject({ cars: 2, owners: 2 });
    const c = await db.recallCampaign.findUniqueOrThrow({ where: { id: r.campaignId } });
    expect(c.vins.sort()).toEqual([a.vehicle.vin, b.vehicle.vin, unknown].sort());
    expect(c.make).toBeNull();
  });

  it("a list with bad lines is refused whole, naming each bad line; nothing is stored and nobody is told", async () => {
    const support = await supportActor();
    const a = await ownedCar(`Macan-${uid()}`, 2024);
    const input = { ...texts(code()), scope: "VINS" as const, csv: `${a.vehicle.vin}\nWP0ZZZ99ZTS39212\nWP0ZZZ99ZTS3921*4\n${a.vehicle.vin.replace(/^./, "O")}\n` };
    const e = await expectAppError(registerCampaign({ actor: support, ...input }), "VALIDATION", "vin_list_rejected");
    expect(e).toBeInstanceOf(VinListRejected);
    expect((e as VinListRejected).rejected).toEqual([
      { line: 2, value: "WP0ZZZ99ZTS39212", error: "vin_length" },
      { line: 3, value: "WP0ZZZ99ZTS3921*4", error: "vin_characters" },
      { line: 4, value: expect.stringMatching(/^O/), error: "vin_forbidden_letters" },
    ]);
    expect(await db.recallCampaign.count({ where: { code: input.code } })).toBe(0);
    expect(await db.recall.count({ where: { vehicleId: a.vehicle.id } })).toBe(0);
    expect(await outboxFor(a.owner.user.email)).toEqual([]);
  });

  it("an empty list or a file that is not CSV is refused", async () => {
    const support = await supportActor();
    await expectAppError(registerCampaign({ actor: support, ...texts(code()), scope: "VINS", csv: "VIN\n\n" }), "VALIDATION", "vin_list_rejected");
    const e = await expectAppError(registerCampaign({ actor: support, ...texts(code()), scope: "VINS", csv: '"WP0ZZZ99ZTS392124\nx' }), "VALIDATION");
    expect((e as VinListRejected).rejected).toEqual([{ line: 0, value: "", error: "csv_unreadable" }]);
  });
});

describe("only central support registers campaigns", () => {
  it("refuses an owner, dealer and garage staff, a platform admin and anyone signed out, storing nothing", async () => {
    const model = `Carrera-${uid()}`;
    const car = await ownedCar(model, 2021);
    const dealer = await dealerStaff("ADMIN");
    const garage = await garageStaff();
    const admin = await actorFor((await createUser({ platformRole: "ADMIN" })).id);
    for (const actor of [car.owner.actor, dealer.actor, garage.actor, admin]) {
      await expectAppError(registerCampaign({ actor, ...byModel(model) }), "NOT_FOUND");
      await expectAppError(listCampaigns(actor, "en"), "NOT_FOUND");
    }
    await expectAppError(registerCampaign({ actor: null as unknown as Actor, ...byModel(model) }), "UNAUTHENTICATED");
    expect(await db.recall.count({ where: { vehicleId: car.vehicle.id } })).toBe(0);
  });
});

describe("a workshop closes a recall with a service entry", () => {
  async function recalledCar() {
    const dealer = await dealerStaff();
    const model = `Spyder-${uid()}`;
    const car = await ownedCar(model, 2021, { dealerId: dealer.org.id });
    const r = await registerCampaign({ actor: await supportActor(), ...byModel(model) });
    const recall = await db.recall.findFirstOrThrow({ where: { campaignId: r.campaignId, vehicleId: car.vehicle.id } });
    return { dealer, car, recall };
  }
  const entry = (actor: Actor, vehicleId: string, recallIds: string[], organisationId?: string) =>
    recordWorkshopEntry({ actor, organisationId, vehicleId, kind: "REPAIR", performedOn: day(-1), mileageKm: 20_100, description: "Recall work", lines: ["Airbag module replaced"], recallIds });

  it("the dealer that services the car ticks the recall; it is closed with the entry and the owner sees who resolved it", async () => {
    const { dealer, car, recall } = await recalledCar();
    const open = await getWorkshopCarCare(dealer.actor, car.vehicle.id, "nl");
    expect(open?.recalls.map((r) => [r.id, r.resolvedAt])).toEqual([[recall.id, null]]);
    const { entryId } = await entry(dealer.actor, car.vehicle.id, [recall.id]);
    const closed = await db.recall.findUniqueOrThrow({ where: { id: recall.id } });
    expect(closed.serviceRecordId).toBe(entryId);
    expect(closed.resolvedAt).toBeInstanceOf(Date);
    const seen = await getOwnerCarCare(car.owner.actor, car.vehicle.id, "nl");
    expect(seen?.recalls[0]).toMatchObject({ id: recall.id, resolvedBy: dealer.org.name, title: expect.stringContaining("Airbag controleren") });
    expect(await db.auditLog.count({ where: { action: "recall.resolved", entityId: entryId, actorOrganisationId: dealer.org.id } })).toBe(1);
  });

  it("another car's recall, or one closed already, fails the whole entry: nothing is recorded", async () => {
    const { dealer, car, recall } = await recalledCar();
    const other = await recalledCar();
    await expectAppError(entry(dealer.actor, car.vehicle.id, [other.recall.id]), "NOT_FOUND", "recall_not_found");
    expect(await db.serviceRecord.count({ where: { vehicleId: car.vehicle.id } })).toBe(0);
    await entry(dealer.actor, car.vehicle.id, [recall.id]);
    await expectAppError(entry(dealer.actor, car.vehicle.id, [recall.id]), "NOT_FOUND", "recall_not_found");
    expect(await db.serviceRecord.count({ where: { vehicleId: car.vehicle.id } })).toBe(1);
  });

  it("another workshop, the owner, a driver and another owner cannot close it; the recall stays open", async () => {
    const { car, recall } = await recalledCar();
    const otherDealer = await dealerStaff();
    const otherGarage = await garageStaff();
    const otherOwner = await ownerAccount();
    for (const actor of [otherDealer.actor, otherGarage.actor, car.owner.actor, car.driver, otherOwner.actor]) {
      await refusal(entry(actor, car.vehicle.id, [recall.id]));
      await readsNothing(getWorkshopCarCare(actor, car.vehicle.id, "en"));
    }
    expect((await db.recall.findUniqueOrThrow({ where: { id: recall.id } })).resolvedAt).toBeNull();
  });
});

describe("who reads a car's recalls and warranties", () => {
  it("the owner and the driver read them; another owner, a workshop without a relationship and a former owner read nothing", async () => {
    const model = `Targa-${uid()}`;
    const car = await ownedCar(model, 2021);
    await registerCampaign({ actor: await supportActor(), ...byModel(model) });
    expect((await getOwnerCarCare(car.owner.actor, car.vehicle.id, "en"))?.recalls).toHaveLength(1);
    expect((await getOwnerCarCare(car.driver, car.vehicle.id, "en"))?.recalls).toHaveLength(1);
    expect(await getOwnerCarCare((await ownerAccount()).actor, car.vehicle.id, "en")).toBeNull();
    await readsNothing(getWorkshopCarCare((await dealerStaff()).actor, car.vehicle.id, "en"));
    await readsNothing(getWorkshopCarCare(car.owner.actor, car.vehicle.id, "en"));
    await removeVehicle({ actor: car.owner.actor, vehicleId: car.vehicle.id, understood: true });
    expect(await getOwnerCarCare(car.owner.actor, car.vehicle.id, "en")).toBeNull();
  });
});

describe("warranties", () => {
  it("a workshop that services the car adds a factory warranty; the owner sees what is left by date and by mileage", async () => {
    const dealer = await dealerStaff();
    const car = await ownedCar(`GT3-${uid()}`, 2024, { dealerId: dealer.org.id });
    const { warrantyId } = await addWarranty({ actor: dealer.actor, vehicleId: car.vehicle.id, warrantyKind: "FACTORY", startsOn: day(-365), endsOn: day(45), maxKm: 100_000, provider: "Porsche AG" });
    const care = await getOwnerCarCare(car.owner.actor, car.vehicle.id, "en");
    expect(care?.warranties).toEqual([expect.objectContaining({ id: warrantyId, kind: "FACTORY", fromContract: false, left: { ended: false, days: 45, months: null, km: 80_000, kmUnknown: false } })]);
    expect(await db.auditLog.count({ where: { action: "warranty.added", entityId: warrantyId, actorOrganisationId: dealer.org.id } })).toBe(1);
  });

  it("another workshop, the owner, a driver and support cannot add one", async () => {
    const dealer = await dealerStaff();
    const car = await ownedCar(`GT4-${uid()}`, 2024, { dealerId: dealer.org.id });
    const input = { vehicleId: car.vehicle.id, warrantyKind: "FACTORY" as const, startsOn: day(-1), endsOn: day(700) };
    for (const actor of [(await dealerStaff()).actor, (await garageStaff()).actor, car.owner.actor, car.driver, await supportActor()]) {
      await expectAppError(addWarranty({ actor, ...input }), "NOT_FOUND");
    }
    expect(await db.warranty.count({ where: { vehicleId: car.vehicle.id } })).toBe(0);
  });

  it("the owner's ACTIVE extended-warranty contract shows as an extended warranty to the owner, not to the driver", async () => {
    const car = await ownedCar(`Cayman-${uid()}`, 2024);
    const startsAt = new Date(Date.now() - 30 * DAY);
    await db.contract.create({ data: { vehicleId: car.vehicle.id, holdingId: car.holding.id, product: "WARRANTY_PLUS", durationMonths: 24, status: "ACTIVE", startsAt, endsAt: new Date(Date.now() + 400 * DAY) } });
    await db.contract.create({ data: { vehicleId: car.vehicle.id, holdingId: car.holding.id, product: "WARRANTY_PLUS", durationMonths: 24, status: "CANCELLED", startsAt, endsAt: new Date(Date.now() + 400 * DAY) } });
    const owner = await getOwnerCarCare(car.owner.actor, car.vehicle.id, "en");
    expect(owner?.warranties).toEqual([expect.objectContaining({ kind: "EXTENDED", fromContract: true, left: expect.objectContaining({ ended: false, months: 13 }) })]);
    expect((await getOwnerCarCare(car.driver, car.vehicle.id, "en"))?.warranties).toEqual([]);
  });
});
