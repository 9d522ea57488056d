/**
 * The calendar file a confirmed appointment's e-mail carries (docs/decisions/0026-appointments.md),
 * built with the `ics` package when the e-mail is rendered: the outbox row's payload holds the
 * appointment's id, its instant and the texts' values, so a resent row gives the same file.
 */
import { createEvent } from "ics";

/** An attachment of a rendered e-mail, as nodemailer takes it. */
export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface CalendarEvent {
  /** The appointment's id: the event's UID, so a calendar recognises the same appointment again. */
  id: string;
  /** The start, an ISO instant. */
  startsAt: string;
  minutes: number;
  title: string;
  description: string;
  location: string;
}

/** The appointment as a one-event iCalendar file (RFC 5545), in UTC. Throws on an invalid start. */
export function calendarFile(event: CalendarEvent): MailAttachment {
  const start = new Date(event.startsAt);
  if (Number.isNaN(start.getTime())) throw new RangeError(`calendarFile: not an instant: ${JSON.stringify(event.startsAt)}`);
  const { error, value } = createEvent({
    uid: `${event.id}@autodossier`,
    productId: "autodossier/appointments",
    method: "PUBLISH",
    start: start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: event.minutes },
    title: event.title,
    description: event.description,
    location: event.location,
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw error ?? new Error("calendarFile: no calendar written");
  return { filename: "appointment.ics", content: value, contentType: "text/calendar; charset=utf-8; method=PUBLISH" };
}
