/** Appointment times (Amsterdam wall clock <-> instants), the state table, and the calendar file the e-mails carry. */
import { describe, expect, it } from "vitest";
import { amsterdamInstant, formatWhen, localValue } from "@/lib/appointments/times";
import { canTake, STEPS } from "@/lib/appointments/transitions";
import { calendarFile } from "@/emails/calendar";
import { renderEmail } from "@/emails";

describe("appointment times", () => {
  it("reads a datetime-local value as Amsterdam time, winter and summer", () => {
    expect(amsterdamInstant("2030-01-15T09:30")?.toISOString()).toBe("2030-01-15T08:30:00.000Z");
    expect(amsterdamInstant("2030-07-15T09:30")?.toISOString()).toBe("2030-07-15T07:30:00.000Z");
    expect(localValue(new Date("2030-07-15T07:30:00Z"))).toBe("2030-07-15T09:30");
  });
  it("refuses what is not a time or not a day", () => {
    for (const bad of ["", "2030-01-15", "2030-02-30T10:00", "2030-13-01T10:00", "2030-01-15T24:00", "15-01-2030 10:00", "2030-01-15T09:30Z"]) expect(amsterdamInstant(bad), bad).toBeNull();
  });
  it("writes a time out in the reader's language, in Amsterdam time", () => {
    const at = new Date("2030-03-14T08:30:00Z");
    expect(formatWhen(at, "nl")).toMatch(/donderdag 14 maart 2030.*09:30/);
    expect(formatWhen(at, "en")).toMatch(/Thursday.*March 14, 2030.*09:30/);
  });
});

describe("the state table", () => {
  it("a closed appointment takes no step", () => {
    for (const step of Object.keys(STEPS) as (keyof typeof STEPS)[]) for (const s of ["DECLINED", "CANCELLED", "DONE"] as const) expect(canTake(step, s)).toBe(false);
  });
});

describe("the calendar file", () => {
  it("is one VEVENT in UTC with the appointment's id as UID", () => {
    const f = calendarFile({ id: "abc", startsAt: "2030-03-14T08:30:00.000Z", minutes: 60, title: "Service, Porsche; 911", description: "x", location: "Garage, Utrecht" });
    expect(f).toMatchObject({ filename: "appointment.ics", contentType: expect.stringMatching(/^text\/calendar/) });
    expect(f.content).toContain("BEGIN:VCALENDAR\r\n");
    expect(f.content).toContain("UID:abc@autodossier\r\n");
    expect(f.content).toContain("DTSTART:20300314T083000Z\r\n");
    expect(f.content).toMatch(/DURATION:(PT1H|PT60M)\r\n/);
    expect(f.content).toContain("SUMMARY:Service\\, Porsche\\; 911");
  });
  it("refuses a start that is not an instant", () => {
    expect(() => calendarFile({ id: "a", startsAt: "soon", minutes: 60, title: "t", description: "d", location: "l" })).toThrow(RangeError);
  });
  it("only the confirmation e-mails carry one", async () => {
    const p = { name: "Ann", url: "https://x.test/a", car: "Porsche Macan", workshop: "Dealer", appointmentId: "id1", startsAt: "2030-03-14T08:30:00.000Z", when: "Thu", reason: "TYRES", location: "Dealer, Utrecht" };
    const confirmed = await renderEmail("appointment-confirmed", "nl", p);
    expect(confirmed.attachments).toHaveLength(1);
    expect(confirmed.attachments[0]!.content).toContain("SUMMARY:Afspraak banden: Porsche Macan bij Dealer");
    expect((await renderEmail("appointment-proposed", "nl", { name: "Ann", url: "https://x.test/a", car: "c", workshop: "w", when: "Thu" })).attachments).toEqual([]);
  });
});
