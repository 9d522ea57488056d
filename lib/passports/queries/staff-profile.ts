import { db } from "../../server/db";
import type { Actor } from "../../server/authz";
import { totalCents } from "../amount";
import { inCurrentPeriod, passportScope } from "../common";
import { currentPlate } from "./current-plate";
import type { TransferStatus } from "../../../generated/prisma/enums";

/** The customer profile of one passport: null (404) for a passport of another garage. */
export async function getPassportProfile(actor: Actor, passportId: string) {
  const scope = passportScope(actor);
  const p = await db.passport.findFirst({
    where: { id: passportId, ...scope },
    select: {
      id: true,
      status: true,
      notes: true,
      activatedAt: true,
      createdAt: true,
      garageId: true,
      vehicleId: true,
      fleetAccountId: true,
      contactName: true,
      contactStreet: true,
      contactPostalCode: true,
      contactCity: true,
      contactEmail: true,
      garage: { select: { name: true } },
      fleetAccount: { select: { name: true } },
      createdBy: { select: { firstName: true, lastName: true } },
      vehicle: { select: { vin: true, make: true, model: true, modelYear: true, fuel: true, mileageKm: true, plates: currentPlate } },
      costItems: { orderBy: { createdAt: "asc" }, select: { id: true, description: true, amountCents: true } },
      maintenanceItems: { orderBy: [{ doneAt: { sort: "asc", nulls: "first" } }, { dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }], select: { id: true, description: true, dueAt: true, doneAt: true } },
      transfers: {
        orderBy: { confirmedAt: "desc" },
        take: 50,
        select: {
          id: true,
          status: true,
          email: true,
          name: true,
          confirmedAt: true,
          decidedAt: true,
          expiresAt: true,
          fromOrganisationId: true,
          fromOrganisation: { select: { name: true } },
          confirmedBy: { select: { firstName: true, lastName: true } },
        },
      },
    },
  });
  if (!p) return null;
  const [stock, owner, services, fleets] = await Promise.all([
    db.holding.findFirst({ where: { vehicleId: p.vehicleId, kind: "STOCK", organisationId: p.garageId, endedAt: null }, select: { id: true } }),
    db.holding.findFirst({ where: { vehicleId: p.vehicleId, kind: "OWNER", endedAt: null }, select: { startedAt: true } }),
    db.serviceRecord.findMany({
      // The record as it stands: an entry a correction replaced is left out (the dossier page shows both).
      where: { vehicleId: p.vehicleId, correctedBy: { is: null } },
      orderBy: { performedAt: "desc" },
      take: 20,
      select: { id: true, kind: true, performedAt: true, mileageKm: true, description: true, organisation: { select: { name: true } } },
    }),
    db.organisation.findMany({ where: { kind: "FLEET", parentId: p.garageId }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 100 }),
  ]);
  // The car's state is that of the current stock period; earlier transfers are history only.
  const current = p.transfers.filter((t) => inCurrentPeriod(t, p));
  const pending = current.find((t) => t.status === "PENDING") ?? null;
  const accepted = current.find((t) => t.status === "ACCEPTED") ?? null;
  const now = new Date();
  const { transfers, ...rest } = p;
  const restocked = transfers.length > current.length;
  return {
    ...rest,
    plate: p.vehicle.plates[0] ?? null,
    inStock: !!stock,
    ownerSince: owner?.startedAt ?? null,
    pending: pending ? { ...pending, expired: pending.expiresAt <= now } : null,
    accepted,
    totalCents: totalCents(p.costItems),
    services,
    fleets,
    history: staffHistory(transfers, p.garageId),
    /** The garage that created the passport: the sender of its first transfer (only it held the car first). */
    createdByGarage: transfers[transfers.length - 1]?.fromOrganisation.name ?? p.garage.name,
    /** When the car was last taken back into stock (a trade-in), if it ever was. */
    restockedAt: restocked ? p.activatedAt : null,
    /** Who created it, unless another stock period has begun since (maybe another garage's staff member). */
    createdBy: restocked ? null : p.createdBy,
  };
}

export type PassportProfile = NonNullable<Awaited<ReturnType<typeof getPassportProfile>>>;

type StaffTransferRow = {
  id: string;
  status: TransferStatus;
  email: string;
  name: string;
  confirmedAt: Date;
  decidedAt: Date | null;
  fromOrganisationId: string;
  fromOrganisation: { name: string };
  confirmedBy: { firstName: string; lastName: string };
};

/**
 * The passport's history as the viewing garage sees it. Its own transfers come with the contact
 * details it entered and who confirmed them; another garage's (before a trade-in) only as what
 * happened to the car: the date, that garage and "a private owner" (`to: null`), and only the
 * transfers that took place (the other garage's withdrawn or declined offers are its own business).
 */
function staffHistory(transfers: StaffTransferRow[], garageId: string) {
  return transfers
    .filter((t) => t.fromOrganisationId === garageId || t.status === "ACCEPTED")
    .map((t) => {
      const own = t.fromOrganisationId === garageId;
      return {
        id: t.id,
        status: t.status,
        confirmedAt: t.confirmedAt,
        decidedAt: t.decidedAt,
        from: t.fromOrganisation.name,
        own,
        name: own ? t.name : null,
        email: own ? t.email : null,
        confirmedBy: own ? `${t.confirmedBy.firstName} ${t.confirmedBy.lastName}`.trim() : null,
      };
    });
}
