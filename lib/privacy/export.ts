/**
 * "Export everything" (issue 14 point 3, docs/decisions/0031): the signed-in user's personal data
 * and their cars' dossiers as far as they may see them, as one JSON document, plus the service
 * history as CSV. Which columns go in is lib/privacy/inventory.ts (every column of the schema is
 * listed there, exported or left out with a reason); the rows are the user's own, read here with
 * the user's id in every `where`, so the export of one account can never hold another's rows
 * beyond what the owner sees on the car's page (the car's service history).
 */
import { stringify } from "csv-stringify/sync";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan, type Actor } from "../server/authz";
import { audit } from "../server/audit";
import { db } from "../server/db";
import { transaction } from "../server/transaction";
import { exportedSelect as pick } from "./inventory";

export const EXPORT_FORMAT = "autodossier-export/1";

/** The cars the user may see the dossier of now: an active holding, as owner or driver (lib/dossier/access.ts). */
async function visibleVehicleIds(userId: string): Promise<string[]> {
  const rows = await db.holding.findMany({ where: { userId, endedAt: null, kind: { in: ["OWNER", "DRIVER"] } }, select: { vehicleId: true } });
  return [...new Set(rows.map((r) => r.vehicleId))];
}

/** The service entries in the export: every entry of a car the user holds now, and every entry they wrote themselves. */
async function serviceEntries(userId: string) {
  const vehicleIds = await visibleVehicleIds(userId);
  return db.serviceRecord.findMany({
    where: { OR: [{ vehicleId: { in: vehicleIds } }, { recordedById: userId, source: "OWNER" }] },
    select: { ...(pick("ServiceRecord") as Prisma.ServiceRecordSelect), organisation: { select: { name: true } }, vehicle: { select: { vin: true, make: true, model: true } } },
    orderBy: [{ vehicleId: "asc" }, { performedAt: "asc" }, { createdAt: "asc" }],
  });
}

export async function buildExport(input: { actor: Actor }) {
  assertCan(input.actor, "account:manage");
  const userId = input.actor.userId;
  const account = await db.user.findUniqueOrThrow({ where: { id: userId }, select: pick("User") as Prisma.UserSelect });
  const email = (account as { email: string }).email;
  const holdingSelect = {
    ...(pick("Holding") as Prisma.HoldingSelect),
    vehicle: { select: { ...(pick("Vehicle") as Prisma.VehicleSelect), plates: { select: pick("LicencePlate") as Prisma.LicencePlateSelect } } },
    linkedByOrganisationId: true,
  } satisfies Prisma.HoldingSelect;
  const [sessions, consents, memberships, holdings, contracts, invitations, verificationRequests, verifiedFacts, entries, messages, appointments, transfers, garageContacts, auditEntries] = await Promise.all([
    db.authSession.findMany({ where: { userId }, select: pick("AuthSession") as Prisma.AuthSessionSelect, orderBy: { createdAt: "asc" } }),
    db.consent.findMany({ where: { userId }, select: pick("Consent") as Prisma.ConsentSelect, orderBy: { requestedAt: "asc" } }),
    db.membership.findMany({ where: { userId }, select: { ...(pick("Membership") as Prisma.MembershipSelect), organisation: { select: pick("Organisation") as Prisma.OrganisationSelect } } }),
    db.holding.findMany({ where: { userId }, select: holdingSelect, orderBy: { startedAt: "asc" } }),
    db.contract.findMany({ where: { holding: { is: { userId } } }, select: { ...(pick("Contract") as Prisma.ContractSelect), provider: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    db.invitation.findMany({ where: { OR: [{ acceptedById: userId }, { email }] }, select: { ...(pick("Invitation") as Prisma.InvitationSelect), organisation: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    db.verificationRequest.findMany({ where: { requesterId: userId }, select: { ...(pick("VerificationRequest") as Prisma.VerificationRequestSelect), dealer: { select: { name: true } } }, orderBy: { submittedAt: "asc" } }),
    db.verifiedFacts.findMany({
      where: { OR: [{ request: { is: { requesterId: userId } } }, { holding: { is: { userId } } }] },
      select: { ...(pick("VerifiedFacts") as Prisma.VerifiedFactsSelect), organisation: { select: { name: true } } },
      orderBy: { verifiedAt: "asc" },
    }),
    serviceEntries(userId),
    db.message.findMany({ where: { userId }, select: pick("Message") as Prisma.MessageSelect, orderBy: { createdAt: "asc" } }),
    db.appointment.findMany({ where: { userId }, select: pick("Appointment") as Prisma.AppointmentSelect, orderBy: { startsAt: "asc" } }),
    db.passportTransfer.findMany({ where: { OR: [{ toUserId: userId }, { email }] }, select: { ...(pick("PassportTransfer") as Prisma.PassportTransferSelect), fromOrganisation: { select: { name: true } } }, orderBy: { confirmedAt: "asc" } }),
    db.passport.findMany({ where: { contactEmail: email }, select: { ...(pick("Passport") as Prisma.PassportSelect), garage: { select: { name: true } } } }),
    db.auditLog.findMany({ where: { OR: [{ subjectUserId: userId }, { actorUserId: userId }] }, select: pick("AuditLog") as Prisma.AuditLogSelect, orderBy: { at: "asc" }, take: 10_000 }),
  ]);
  const heldNow = await visibleVehicleIds(userId);
  const [driverInvitationsSent, driverInvitationsReceived, carPhotos, serviceAttachments, maintenanceDue, warranties, recalls, handovers, reportLinks] = await Promise.all([
    // Invitations the user sent as the car's owner (the address they typed), and those sent to them.
    db.driverInvitation.findMany({ where: { ownerHolding: { is: { userId } } }, select: pick("DriverInvitation") as Prisma.DriverInvitationSelect, orderBy: { createdAt: "asc" } }),
    db.driverInvitation.findMany({
      where: { OR: [{ email }, { driverHolding: { is: { userId } } }] },
      select: pick("DriverInvitation") as Prisma.DriverInvitationSelect,
      orderBy: { createdAt: "asc" },
    }),
    // The photo's details, not the file (downloaded from the car's page).
    db.carPhoto.findMany({ where: { holding: { is: { userId } } }, select: pick("CarPhoto") as Prisma.CarPhotoSelect, orderBy: { createdAt: "asc" } }),
    db.serviceAttachment.findMany({ where: { holderId: userId }, select: pick("ServiceAttachment") as Prisma.ServiceAttachmentSelect, orderBy: { createdAt: "asc" } }),
    // The dossier of the cars held now, as the car's page shows it.
    db.maintenanceDue.findMany({ where: { vehicleId: { in: heldNow } }, select: pick("MaintenanceDue") as Prisma.MaintenanceDueSelect, orderBy: { createdAt: "asc" } }),
    db.warranty.findMany({ where: { vehicleId: { in: heldNow } }, select: pick("Warranty") as Prisma.WarrantySelect, orderBy: { startsAt: "asc" } }),
    db.recall.findMany({ where: { vehicleId: { in: heldNow } }, select: pick("Recall") as Prisma.RecallSelect, orderBy: { issuedAt: "asc" } }),
    // Handovers the user started as seller, and those addressed to them as buyer (docs/decisions/0034).
    db.handover.findMany({
      where: { OR: [{ sellerId: userId }, { buyerId: userId }, { buyerEmail: email }, { offeredToId: userId }] },
      select: { ...(pick("Handover") as Prisma.HandoverSelect), contracts: { select: pick("HandoverContract") as Prisma.HandoverContractSelect } },
      orderBy: { createdAt: "asc" },
    }),
    // The buyer report links the user made as a car's owner (docs/decisions/0036), without their tokens.
    db.reportLink.findMany({ where: { ownerHolding: { is: { userId } } }, select: pick("ReportLink") as Prisma.ReportLinkSelect, orderBy: { createdAt: "asc" } }),
  ]);
  // Claims on cars (docs/decisions/0035): each side's own, without the other party.
  const disputeSelect = pick("Dispute") as Prisma.DisputeSelect;
  const [disputesAsClaimant, disputesAsHolder] = await Promise.all([
    db.dispute.findMany({ where: { claimantId: userId }, select: disputeSelect, orderBy: { createdAt: "asc" } }),
    db.dispute.findMany({ where: { holderId: userId }, select: { ...disputeSelect, contestNote: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const document = {
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    account,
    sessions,
    consents,
    memberships,
    holdings,
    contracts,
    invitations,
    transfers,
    garageContacts,
    verificationRequests,
    verifiedFacts,
    disputesAsClaimant,
    disputesAsHolder,
    serviceEntries: entries,
    messages,
    appointments,
    driverInvitationsSent,
    driverInvitationsReceived,
    carPhotos,
    serviceAttachments,
    maintenanceDue,
    warranties,
    recalls,
    handovers,
    reportLinks,
    audit: auditEntries,
  };
  await transaction((tx) => audit(tx, input.actor, "account.exported", { entityType: "User", entityId: userId, subjectUserId: userId, data: { format: "json" } }));
  return document;
}

/** The columns of the service history CSV (headers in English: a file for any spreadsheet). */
const CSV_COLUMNS = ["vin", "car", "date", "kind", "reportedBy", "workshop", "mileageKm", "description", "work", "costEur", "corrects", "correctionReason", "recordedAt"] as const;

/**
 * The service history as CSV (RFC 4180 through csv-stringify): one line per entry of the export.
 * A cell starting with =, +, - or @ is prefixed with a quote so a spreadsheet does not run it.
 */
export async function buildServiceHistoryCsv(input: { actor: Actor }): Promise<string> {
  assertCan(input.actor, "account:manage");
  const rows = await serviceEntries(input.actor.userId);
  const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  const records = rows.map((r) => {
    const e = r as unknown as {
      id: string; kind: string; source: string; performedAt: Date; mileageKm: number | null; description: string; lines: string[]; costCents: number | null;
      workshopName: string | null; correctsId: string | null; correctionReason: string | null; createdAt: Date;
      organisation: { name: string } | null; vehicle: { vin: string; make: string; model: string };
    };
    return {
      vin: e.vehicle.vin,
      car: safe(`${e.vehicle.make} ${e.vehicle.model}`),
      date: e.performedAt.toISOString().slice(0, 10),
      kind: e.kind,
      reportedBy: e.source === "OWNER" ? "owner" : "workshop",
      workshop: safe(e.organisation?.name ?? e.workshopName ?? ""),
      mileageKm: e.mileageKm ?? "",
      description: safe(e.description),
      work: safe(e.lines.join("; ")),
      costEur: e.costCents === null ? "" : (e.costCents / 100).toFixed(2),
      corrects: e.correctsId ?? "",
      correctionReason: safe(e.correctionReason ?? ""),
      recordedAt: e.createdAt.toISOString(),
    };
  });
  await transaction((tx) => audit(tx, input.actor, "account.exported", { entityType: "User", entityId: input.actor.userId, subjectUserId: input.actor.userId, data: { format: "csv" } }));
  return stringify(records, { header: true, columns: [...CSV_COLUMNS], record_delimiter: "windows", bom: true });
}
