/**
 * Appointment requests at a chosen dealer or garage (issue 13, point 4; decision 0026): every
 * step of the state machine, the refused ones, who reads and acts on what (another workshop,
 * another owner, a driver, a former owner, anonymous), the e-mails and inbox messages each step
 * leaves, the calendar file in the delivered confirmation (a real SMTP catcher), and the service
 * relationship a confirmed appointment gives until the workshop records the work.
 */
import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { today } from "@/lib/server/dates";
import type { Actor } from "@/lib/server/authz";
import { requestAppointment } from "@/lib/appointments/request-appointment";
import { confirmAppointment } from "@/lib/appointments/confirm-appointment";
import { proposeTime } from "@/lib/appointments/propose-time";
import { declineAppointment } from "@/lib/appointments/decline-appointment";
import { acceptProposal } from "@/lib/appointments/accept-proposal";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";
import { getWorkshopAppointment, listOwnerAppointments, listWorkshopAppointments } from "@/lib/appointments/queries";
import { canTake, STEPS, type Step } from "@/lib/appointments/transitions";
import { RequestAppointmentInput } from "@/lib/appointments/schemas";
import { localValue } from "@/lib/appointments/times";
import { recordWorkshopEntry } from "@/lib/dossier/record-workshop-entry";
import { findServicedCars, getWorkshopCar } from "@/lib/dossier/queries";
import { removeVehicle } from "@/lib/linking/remove-vehicle";
import { deliverDue } from "@/lib/server/mail/sender";
import { startMailCatcher } from "@/lib/server/mail/catcher-core";
import { AppError } from "@/lib/server/errors";
import { actorFor, createMembership, createUser, makeVin, outboxFor } from "../factories";
import { dealerStaff, expectAppError, ownerAccount } from "../factories/linking";
import { garageStaff } from "../factories/passports";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A time `days` ahead at a whole quarter hour. */
const ahead = (days: number, hours = 0) => new Date(Math.ceil((Date.now() + days * DAY + hours * HOUR) / (15 * 60_000)) * 15 * 60_000);

/** An owner's car (no service relationship with anyone), a dealer (an admin and a member), and a driver of the car. */
async function world() {
  const owner = await ownerAccount({ locale: "en" });
  const vehicle = await db.vehicle.create({ data: { vin: makeVin(), make: "Porsche", model: "Macan", modelYear: 2024, fuel: "ELECTRIC" } });
  const holding = await db.holding.create({ data: { vehicleId: vehicle.id, kind: "OWNER", userId: owner.user.id, origin: "DEALER_VERIFIED" } });
  const dealer = await dealerStaff("ADMIN");
  const member = await createUser({ locale: "en" });
  await createMembership(member.id, dealer.org.id, "MEMBER");
  const driverUser = await createUser();
  await db.holding.create({ data: { vehicleId: vehicle.id, kind: "DRIVER", userId: driverUser.id, origin: "DEALER_VERIFIED", viaHoldingId: holding.id } });
  return { owner, vehicle, holding, dealer, member: { user: member, actor: await actorFor(member.id) }, driver: await actorFor(driverUser.id) };
}

type World = Awaited<ReturnType<typeof world>>;

const ask = (w: World, over: Partial<Parameters<typeof requestAppointment>[0]> = {}) =>
  requestAppointment({ actor: w.owner.actor, vehicleId: w.vehicle.id, organisationId: w.dealer.org.id, reason: "SERVICE", note: "Rattle left front", times: [ahead(3), ahead(4)], ...over });

const status = async (id: string) => (await db.appointment.findUniqueOrThrow({ where: { id } })).status;

describe("the owner asks, the workshop answers", () => {
  it("a request reaches the workshop's admin by e-mail and is audited; the owner sees it, nobody else's list has it", async () => {
    const w = await world();
    const r = await ask(w);
    const a = await db.appointment.findUniqueOrThrow({ where: { id: r.appointmentId } });
    expect(a).toMatchObject({ status: "REQUESTED", reason: "SERVICE", note: "Rattle left front", userId: w.owner.user.id, organisationId: w.dealer.org.id, startsAt: null });
    expect(a.preferredTimes).toHaveLength(2);
    // The organisation's admin is told, not its plain member (admins answer for it).
    const [mail] = await outboxFor(w.dealer.user.email);
    expect(mail).toMatchObject({ template: "appointment-requested" });
    expect(mail!.payload).toMatchObject({ car: "Porsche Macan", owner: `${w.owner.user.firstName} ${w.owner.user.lastName}`, reason: "SERVICE" });
    expect(String((mail!.payload as { url: string }).url)).toContain(`/console/appointments/${a.id}`);
    expect(await outboxFor(w.member.user.email)).toHaveLength(0);
    expect(await db.auditLog.count({ where: { action: "appointment.requested", entityId: a.id, actorUserId: w.owner.user.id } })).toBe(1);
    expect((await listOwnerAppointments(w.owner.actor, w.vehicle.id)).map((x) => x.id)).toEqual([a.id]);
    expect((await listWorkshopAppointments(w.member.actor))?.open.map((x) => x.id)).toEqual([a.id]);
  });

  it("confirm: the owner gets an e-mail and an inbox message, the workshop gets a service relationship", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    expect(await getWorkshopCar(w.member.actor, w.vehicle.id)).toBeNull();
    const r = await confirmAppointment({ actor: w.member.actor, appointmentId, choice: 1 });
    const a = await db.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    expect(a.status).toBe("CONFIRMED");
    expect(a.startsAt?.getTime()).toBe(a.preferredTimes[1]!.getTime());
    expect(r.startsAt.getTime()).toBe(a.preferredTimes[1]!.getTime());
    const [mail] = await outboxFor(w.owner.user.email);
    expect(mail).toMatchObject({ template: "appointment-confirmed", locale: "en" });
    expect(mail!.payload).toMatchObject({ appointmentId, startsAt: a.startsAt!.toISOString(), workshop: w.dealer.org.name });
    const msg = await db.message.findFirstOrThrow({ where: { userId: w.owner.user.id, kind: "appointment_confirmed" } });
    expect(msg).toMatchObject({ vehicleId: w.vehicle.id });
    expect(msg.data).toMatchObject({ workshop: w.dealer.org.name, car: "Porsche Macan", link: `/garage/vehicles/${w.vehicle.id}` });
    expect(await db.auditLog.count({ where: { action: "appointment.confirmed", entityId: appointmentId, actorOrganisationId: w.dealer.org.id } })).toBe(1);
    // The third way of lib/dossier/access.ts: the workshop now services the car.
    expect((await getWorkshopCar(w.member.actor, w.vehicle.id))?.organisations.map((o) => o.id)).toEqual([w.dealer.org.id]);
    expect((await findServicedCars(w.member.actor)).map((c) => c.id)).toContain(w.vehicle.id);
  });

  it("the recorded work closes the appointment (DONE) and ends the relationship; a correction or another workshop's entry does not", async () => {
    const w = await world();
    const { appointmentId } = await ask(w, { times: [ahead(0, 2), ahead(1)] });
    await confirmAppointment({ actor: w.member.actor, appointmentId, choice: 1 });
    // An entry dated before the appointment's day is not its work.
    const early = await recordWorkshopEntry({ actor: w.member.actor, vehicleId: w.vehicle.id, kind: "SERVICE", performedOn: new Date(today().getTime() - DAY), mileageKm: 10_000, description: "Earlier work", lines: [] });
    expect(await status(appointmentId)).toBe("CONFIRMED");
    // A correction is not new work either.
    await recordWorkshopEntry({ actor: w.member.actor, vehicleId: w.vehicle.id, kind: "SERVICE", performedOn: new Date(today().getTime() - DAY), mileageKm: 10_001, description: "Earlier work", lines: [], correctsId: early.entryId, correctionReason: "typo" });
    expect(await status(appointmentId)).toBe("CONFIRMED");
    // Work recorded on the appointment's day (the confirmed time is tomorrow: recorded "tomorrow" is not possible, so move the time to today).
    await db.appointment.update({ where: { id: appointmentId }, data: { startsAt: new Date(Date.now() - HOUR) } });
    const done = await recordWorkshopEntry({ actor: w.member.actor, vehicleId: w.vehicle.id, kind: "SERVICE", performedOn: today(), mileageKm: 10_100, description: "Annual service", lines: ["Oil"] });
    expect(await status(appointmentId)).toBe("DONE");
    expect(await db.auditLog.count({ where: { action: "appointment.done", entityId: appointmentId } })).toBe(1);
    const log = await db.auditLog.findFirstOrThrow({ where: { action: "appointment.done", entityId: appointmentId } });
    expect(log.data).toMatchObject({ serviceRecordId: done.entryId });
    expect(await getWorkshopCar(w.member.actor, w.vehicle.id)).toBeNull();
    await expectAppError(
      recordWorkshopEntry({ actor: w.member.actor, vehicleId: w.vehicle.id, kind: "SERVICE", performedOn: today(), mileageKm: 10_200, description: "More", lines: [] }),
      "NOT_FOUND",
    );
  });

  it("propose then accept: confirmed at the proposed time; the workshop and the owner get the calendar e-mail", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    const proposed = ahead(5);
    await proposeTime({ actor: w.dealer.actor, appointmentId, time: proposed });
    expect(await status(appointmentId)).toBe("PROPOSED");
    expect((await outboxFor(w.owner.user.email)).map((m) => m.template)).toEqual(["appointment-proposed"]);
    expect(await db.message.count({ where: { userId: w.owner.user.id, kind: "appointment_proposed" } })).toBe(1);
    // Proposed is not confirmed: no relationship yet.
    expect(await getWorkshopCar(w.dealer.actor, w.vehicle.id)).toBeNull();
    await acceptProposal({ actor: w.owner.actor, appointmentId });
    const a = await db.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    expect(a).toMatchObject({ status: "CONFIRMED", startsAt: proposed, proposedAt: proposed });
    expect((await outboxFor(w.dealer.user.email)).map((m) => m.template)).toEqual(["appointment-requested", "appointment-accepted"]);
    expect((await outboxFor(w.owner.user.email)).map((m) => m.template)).toEqual(["appointment-proposed", "appointment-confirmed"]);
    expect(await db.auditLog.count({ where: { action: { in: ["appointment.proposed", "appointment.accepted"] }, entityId: appointmentId } })).toBe(2);
    expect(await getWorkshopCar(w.dealer.actor, w.vehicle.id)).not.toBeNull();
  });

  it("decline: closed with the reason; the owner reads it in the e-mail and the inbox", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    await declineAppointment({ actor: w.member.actor, appointmentId, reason: "Fully booked this month" });
    const a = await db.appointment.findUniqueOrThrow({ where: { id: appointmentId } });
    expect(a).toMatchObject({ status: "DECLINED", declineReason: "Fully booked this month" });
    expect(a.closedAt).not.toBeNull();
    const [mail] = await outboxFor(w.owner.user.email);
    expect(mail).toMatchObject({ template: "appointment-declined" });
    expect(mail!.payload).toMatchObject({ declineReason: "Fully booked this month" });
    const msg = await db.message.findFirstOrThrow({ where: { userId: w.owner.user.id, kind: "appointment_declined" } });
    expect(msg.data).toMatchObject({ reason: "Fully booked this month" });
  });

  it("a proposal the owner has not answered can be declined", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    await proposeTime({ actor: w.dealer.actor, appointmentId, time: ahead(6) });
    await declineAppointment({ actor: w.dealer.actor, appointmentId, reason: "No answer" });
    expect(await status(appointmentId)).toBe("DECLINED");
  });

  it("cancel from requested, proposed and confirmed: the workshop is told; a confirmed one's relationship ends", async () => {
    for (const before of ["REQUESTED", "PROPOSED", "CONFIRMED"] as const) {
      const w = await world();
      const { appointmentId } = await ask(w);
      if (before === "PROPOSED") await proposeTime({ actor: w.dealer.actor, appointmentId, time: ahead(5) });
      if (before === "CONFIRMED") await confirmAppointment({ actor: w.dealer.actor, appointmentId, choice: 0 });
      await cancelAppointment({ actor: w.owner.actor, appointmentId });
      expect(await status(appointmentId), before).toBe("CANCELLED");
      expect((await outboxFor(w.dealer.user.email)).at(-1)?.template, before).toBe("appointment-cancelled");
      expect(await db.auditLog.count({ where: { action: "appointment.cancelled", entityId: appointmentId, actorUserId: w.owner.user.id } })).toBe(1);
      expect(await getWorkshopCar(w.dealer.actor, w.vehicle.id), before).toBeNull();
    }
  });

  it("removing the car cancels the owner's open appointments, so no workshop keeps the car", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    await confirmAppointment({ actor: w.dealer.actor, appointmentId, choice: 0 });
    await removeVehicle({ actor: w.owner.actor, vehicleId: w.vehicle.id, understood: true });
    expect(await status(appointmentId)).toBe("CANCELLED");
    expect(await getWorkshopCar(w.dealer.actor, w.vehicle.id)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "appointment.cancelled", entityId: appointmentId, actorRole: "system" } })).toBe(1);
    // What it was before (for the workshop's trail) and whose it was, from the statement that ended the holding.
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "appointment.cancelled", entityId: appointmentId } });
    expect(entry).toMatchObject({ vehicleId: w.vehicle.id, subjectUserId: w.owner.user.id, data: { organisationId: w.dealer.org.id, was: "CONFIRMED", reason: "OWNERSHIP_ENDED" } });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appointmentId } })).closedAt).not.toBeNull();
  });
});

describe("the state machine refuses what it does not allow", () => {
  const table: Record<Step, string[]> = {
    confirm: ["REQUESTED"],
    propose: ["REQUESTED"],
    decline: ["REQUESTED", "PROPOSED"],
    accept: ["PROPOSED"],
    cancel: ["REQUESTED", "PROPOSED", "CONFIRMED"],
    complete: ["CONFIRMED"],
    ownershipEnded: ["REQUESTED", "PROPOSED", "CONFIRMED"],
  };
  it("the table is the one the decision record states", () => {
    for (const [step, from] of Object.entries(table)) expect([...STEPS[step as Step].from]).toEqual(from);
    expect(canTake("confirm", "PROPOSED")).toBe(false);
  });

  /** An appointment of `w` forced into `s` (the steps that reach it are tested above). */
  async function inState(w: World, s: "REQUESTED" | "PROPOSED" | "CONFIRMED" | "DECLINED" | "CANCELLED" | "DONE") {
    const { appointmentId } = await ask(w);
    await db.appointment.update({ where: { id: appointmentId }, data: { status: s, proposedAt: ahead(5), startsAt: s === "CONFIRMED" || s === "DONE" ? ahead(3) : null } });
    return appointmentId;
  }

  it("each step from every state it does not leave from is a conflict, and changes nothing", async () => {
    const w = await world();
    const calls: Record<string, (id: string) => Promise<unknown>> = {
      confirm: (id) => confirmAppointment({ actor: w.dealer.actor, appointmentId: id, choice: 0 }),
      propose: (id) => proposeTime({ actor: w.dealer.actor, appointmentId: id, time: ahead(7) }),
      decline: (id) => declineAppointment({ actor: w.dealer.actor, appointmentId: id, reason: "No" }),
      accept: (id) => acceptProposal({ actor: w.owner.actor, appointmentId: id }),
      cancel: (id) => cancelAppointment({ actor: w.owner.actor, appointmentId: id }),
    };
    for (const [step, call] of Object.entries(calls)) {
      for (const s of ["REQUESTED", "PROPOSED", "CONFIRMED", "DECLINED", "CANCELLED", "DONE"] as const) {
        if (table[step as Step].includes(s)) continue;
        const id = await inState(w, s);
        await expectAppError(call(id), "CONFLICT", "appointment_not_open");
        expect(await status(id), `${step} from ${s}`).toBe(s);
        await db.appointment.update({ where: { id }, data: { status: "CANCELLED" } });
      }
    }
  });

  it("two answers at once that exclude each other: exactly one succeeds", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    const results = await Promise.allSettled([
      confirmAppointment({ actor: w.dealer.actor, appointmentId, choice: 0 }),
      confirmAppointment({ actor: w.member.actor, appointmentId, choice: 1 }),
      declineAppointment({ actor: w.member.actor, appointmentId, reason: "Sorry" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("CONFLICT");
  });

  it("a preferred time that has passed cannot be confirmed, nor one that was not offered", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    await expectAppError(confirmAppointment({ actor: w.dealer.actor, appointmentId, choice: 2 }), "VALIDATION");
    await db.appointment.update({ where: { id: appointmentId }, data: { preferredTimes: [new Date(Date.now() - HOUR), ahead(2)] } });
    await expectAppError(confirmAppointment({ actor: w.dealer.actor, appointmentId, choice: 0 }), "VALIDATION");
    expect(await status(appointmentId)).toBe("REQUESTED");
  });
});

describe("who may see and act", () => {
  it("another workshop, another owner, a driver, a former owner and anonymous read nothing and cannot act", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    const otherDealer = await dealerStaff();
    const otherGarage = await garageStaff();
    const otherOwner = await ownerAccount();
    for (const [who, actor] of [
      ["another dealer", otherDealer.actor],
      ["another garage", otherGarage.actor],
      ["another owner", otherOwner.actor],
      ["a driver", w.driver],
    ] as const) {
      await expectAppError(confirmAppointment({ actor, appointmentId, choice: 0 }), "NOT_FOUND");
      await expectAppError(proposeTime({ actor, appointmentId, time: ahead(5) }), "NOT_FOUND");
      await expectAppError(declineAppointment({ actor, appointmentId, reason: "x" }), "NOT_FOUND");
      await expectAppError(acceptProposal({ actor, appointmentId }), "NOT_FOUND");
      await expectAppError(cancelAppointment({ actor, appointmentId }), "NOT_FOUND");
      expect(await getWorkshopAppointment(actor, appointmentId), who).toBeNull();
      expect(await listOwnerAppointments(actor, w.vehicle.id), who).toEqual([]);
      const lists = await listWorkshopAppointments(actor);
      expect([...(lists?.open ?? []), ...(lists?.upcoming ?? []), ...(lists?.closed ?? [])].map((a) => a.id), who).not.toContain(appointmentId);
    }
    // The workshop answers for its organisation only, never as the owner.
    await expectAppError(cancelAppointment({ actor: w.dealer.actor, appointmentId }), "NOT_FOUND");
    await expectAppError(acceptProposal({ actor: w.dealer.actor, appointmentId }), "NOT_FOUND");
    // The owner cannot answer their own request as a workshop.
    await expectAppError(confirmAppointment({ actor: w.owner.actor, appointmentId, choice: 0 }), "NOT_FOUND");
    // Signed out.
    await expectAppError(confirmAppointment({ actor: null as unknown as Actor, appointmentId, choice: 0 }), "UNAUTHENTICATED");
    await expectAppError(cancelAppointment({ actor: null as unknown as Actor, appointmentId }), "UNAUTHENTICATED");
    expect(await status(appointmentId)).toBe("REQUESTED");
  });

  it("only the owner asks: a driver, another owner and staff cannot request for the car; only an answering dealer or garage can be asked", async () => {
    const w = await world();
    const otherOwner = await ownerAccount();
    await expectAppError(ask(w, { actor: w.driver }), "NOT_FOUND");
    await expectAppError(ask(w, { actor: otherOwner.actor }), "NOT_FOUND");
    // A fleet account answers no appointments, nor does an organisation without active staff.
    const garage = await garageStaff();
    await expectAppError(ask(w, { organisationId: garage.fleet.id }), "VALIDATION");
    const empty = await db.organisation.create({ data: { name: "Empty dealer", kind: "DEALER", country: "NL" } });
    await expectAppError(ask(w, { organisationId: empty.id }), "VALIDATION");
    expect(await db.appointment.count({ where: { vehicleId: w.vehicle.id } })).toBe(0);
  });

  it("a former owner reads none of their appointments and cannot act on them", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    const now = new Date();
    await db.$transaction([
      db.holding.updateMany({ where: { viaHoldingId: w.holding.id }, data: { endedAt: now, endReason: "DRIVER_ACCESS_ENDED" } }),
      db.holding.update({ where: { id: w.holding.id }, data: { endedAt: now, endReason: "REMOVED" } }),
    ]);
    expect(await listOwnerAppointments(w.owner.actor, w.vehicle.id)).toEqual([]);
    await expectAppError(cancelAppointment({ actor: w.owner.actor, appointmentId }), "NOT_FOUND");
  });

  it("at most five open requests per car", async () => {
    const w = await world();
    for (let i = 0; i < 5; i++) await ask(w);
    await expectAppError(ask(w), "CONFLICT", "appointments_too_many");
  });
});

describe("the request form's times", () => {
  const base = { vehicleId: "v1", organisationId: "o1", reason: "SERVICE" };
  it("takes two or three distinct future times, in Amsterdam time", () => {
    const r = RequestAppointmentInput.safeParse({ ...base, time1: localValue(ahead(2)), time2: localValue(ahead(3)), time3: "" });
    expect(r.success).toBe(true);
    expect(r.data?.times.map((t) => t.getTime())).toEqual([ahead(2).getTime(), ahead(3).getTime()]);
  });
  it("refuses one time, a past time, the same time twice, and an unknown field", () => {
    const issue = (input: Record<string, string>) => {
      const r = RequestAppointmentInput.safeParse({ ...base, ...input });
      return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issue({ time1: localValue(ahead(2)) })).toEqual(["time2:times_count"]);
    expect(issue({ time1: localValue(new Date(Date.now() - DAY)), time2: localValue(ahead(2)) })).toEqual(["time1:time_in_past"]);
    expect(issue({ time1: localValue(ahead(2)), time2: localValue(ahead(2)) })).toEqual(["time2:times_distinct"]);
    expect(issue({ time1: "2026-02-30T10:00", time2: localValue(ahead(2)) })).toContain("time1:time_invalid");
    expect(issue({ time1: localValue(ahead(2)), time2: localValue(ahead(3)), userId: "x" })?.[0]).toMatch(/^:/);
  });
});

describe("the confirmation e-mail as delivered", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it("carries a valid .ics calendar file with the confirmed time, through real SMTP", async () => {
    const w = await world();
    const { appointmentId } = await ask(w);
    const { startsAt } = await confirmAppointment({ actor: w.dealer.actor, appointmentId, choice: 0 });
    const [row] = await outboxFor(w.owner.user.email);
    // Due only on a clock of this test's own (far in the past): other files' rows are left alone.
    const clock = new Date(Date.UTC(1999, 0, 1) + Math.floor(Math.random() * 1e9));
    await db.outboxEmail.update({ where: { id: row!.id }, data: { nextAttemptAt: clock } });
    const catcher = await startMailCatcher();
    cleanups.push(() => catcher.close());
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: catcher.port, secure: false, ignoreTLS: true });
    cleanups.push(async () => transport.close());
    const report = await deliverDue({ prisma: db, transport, from: "Autodossier <no-reply@autodossier.test>", now: clock });
    expect(report.sent).toBe(1);
    const mail = catcher.messages.find((m) => m.to.includes(w.owner.user.email));
    expect(mail?.subject).toContain("Appointment confirmed");
    expect(mail?.attachments).toHaveLength(1);
    const ics = mail!.attachments[0]!;
    expect(ics.filename).toBe("appointment.ics");
    expect(ics.contentType).toMatch(/^text\/calendar/);
    const props = parseIcs(ics.content);
    expect(props.BEGIN).toEqual(["VCALENDAR", "VEVENT"]);
    expect(props.VERSION).toEqual(["2.0"]);
    expect(props.UID).toEqual([`${appointmentId}@autodossier`]);
    expect(props.DTSTART).toEqual([icsUtc(startsAt)]);
    expect(props.SUMMARY?.[0]).toContain(w.dealer.org.name);
    expect(props.SUMMARY?.[0]).toContain("Service");
    expect(props.STATUS).toEqual(["CONFIRMED"]);
    expect(props.END).toEqual(["VEVENT", "VCALENDAR"]);
    expect(ics.content).toMatch(/\r\n/);
    await db.outboxEmail.delete({ where: { id: row!.id } });
  });
});

/** "20300312T093000Z" */
const icsUtc = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** Property values of an iCalendar text by name (RFC 5545: lines unfolded, parameters dropped, text unescaped). */
function parseIcs(text: string): Record<string, string[]> {
  const lines = text.replace(/\r\n[ \t]/g, "").split(/\r\n/).filter(Boolean);
  const out: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).split(";")[0]!;
    const value = line.slice(colon + 1).replace(/\\([,;\\])/g, "$1").replace(/\\n/gi, "\n");
    (out[name] ??= []).push(value);
  }
  return out;
}
