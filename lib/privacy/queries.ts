import { db } from "../server/db";
import { CONSENT_PURPOSES, type ConsentPurposeT } from "./schemas";

/** The account page's and profile page's view of the signed-in user's own row. */
export async function getProfile(userId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      firstName: true,
      lastName: true,
      locale: true,
      title: true,
      company: true,
      dateOfBirth: true,
      street: true,
      postalCode: true,
      city: true,
      country: true,
      mobile: true,
      phone: true,
      extraPhones: true,
      interests: true,
      preferredChannels: true,
    },
  });
}

/** Each marketing purpose with its state for the user: off, waiting for the e-mailed confirmation, or on since. */
export async function listConsents(userId: string): Promise<{ purpose: ConsentPurposeT; state: "OFF" | "PENDING" | "CONFIRMED"; since: Date | null }[]> {
  const rows = await db.consent.findMany({ where: { userId, purpose: { in: [...CONSENT_PURPOSES] } }, select: { purpose: true, status: true, confirmedAt: true, expiresAt: true } });
  const now = new Date();
  return CONSENT_PURPOSES.map((purpose) => {
    const r = rows.find((x) => x.purpose === purpose);
    if (!r || r.status === "WITHDRAWN") return { purpose, state: "OFF" as const, since: null };
    if (r.status === "PENDING") return { purpose, state: r.expiresAt && r.expiresAt <= now ? ("OFF" as const) : ("PENDING" as const), since: null };
    return { purpose, state: "CONFIRMED" as const, since: r.confirmedAt };
  });
}

/** How many cars the user owns now (the delete page says what leaves the garage). */
export async function countOwnedCars(userId: string): Promise<number> {
  return db.holding.count({ where: { userId, kind: "OWNER", endedAt: null } });
}
