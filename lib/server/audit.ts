/**
 * The append-only audit log: every row is written through `audit()`, inside the caller's
 * transaction, with an action from the typed list below and the actor's role at the time.
 */
import type { Tx } from "./database";
import { ACTOR_USER_SELECT, actorFromUser, type Actor } from "./authz";

export const AUDIT_ACTIONS = [
  // accounts
  "account.signed_up",
  "account.activated",
  "account.password_changed",
  "account.password_reset",
  "account.signed_out_everywhere",
  "account.session_ended",
  // privacy (docs/decisions/0031)
  "account.profile_updated",
  "account.email_change_requested",
  "account.email_changed",
  "account.email_change_reported",
  "account.exported",
  "account.erased",
  "consent.requested",
  "consent.confirmed",
  "consent.withdrawn",
  // organisations and users
  "organisation.created",
  "membership.added",
  "membership.role_changed",
  "membership.removed",
  "user.disabled",
  "user.enabled",
  "user.activation_resent",
  // linking
  "invitation.created",
  "invitation.resent",
  "invitation.revoked",
  "invitation.accepted",
  "vehicle.linked",
  "vehicle.relinked",
  "vehicle.driver_linked",
  "vehicle.driver_access_ended",
  "vehicle.disconnected",
  "vehicle.removed",
  "vehicle.ownership_ended",
  // verification
  "verification.submitted",
  "verification.claimed",
  "verification.released",
  "verification.approved",
  "verification.rejected",
  "verification.withdrawn",
  "verification.expired",
  "verification.document_viewed",
  // AutoPaspoort
  "passport.created",
  "passport.restocked",
  "passport.updated",
  "passport.contact_updated",
  "passport.cost_added",
  "passport.cost_removed",
  "passport.maintenance_added",
  "passport.maintenance_removed",
  "passport.maintenance_done",
  "passport.maintenance_reopened",
  "passport.fleet_linked",
  "passport.fleet_unlinked",
  "passport.transfer_confirmed",
  "passport.transfer_corrected",
  "passport.transfer_cancelled",
  "passport.transfer_declined",
  "passport.transfer_accepted",
  "passport.service_relationship_ended",
  // fleet accounts (decision 0030)
  "fleet.unlink_requested",
  "fleet.unlink_approved",
  "fleet.unlink_declined",
  // car dossier
  "service.recorded",
  "service.corrected",
  // appointments (docs/decisions/0026-appointments.md)
  "appointment.requested",
  "appointment.confirmed",
  "appointment.proposed",
  "appointment.declined",
  "appointment.accepted",
  "appointment.cancelled",
  "appointment.done",
  // recalls, warranties and due maintenance (docs/decisions/0027-recalls-warranties-maintenance.md)
  "recall.campaign_registered",
  "recall.resolved",
  "warranty.added",
  "maintenance.due_set",
  "maintenance.reminder_sent",
  // inbox and contracts (issue 13, points 6 and 7)
  "message.read",
  "message.all_read",
  "contract.renewal_changed",
  "contract.ending_notice_sent",
  "contract.renewed",
  "contract.expired",
  // owner-invited drivers and the car's face (docs/decisions/0029)
  "driver.invited",
  "driver.invitation_revoked",
  "driver.joined",
  "driver.revoked",
  "driver.left",
  "vehicle.named",
  "vehicle.photo_set",
  "vehicle.photo_removed",
  // a claim on a car another owner holds (docs/decisions/0035)
  "dispute.opened",
  "dispute.released",
  "dispute.contested",
  "dispute.lapsed",
  "dispute.decided",
  "dispute.document_viewed",
  // handover between owners (docs/decisions/0034)
  "handover.started",
  "handover.withdrawn",
  "handover.declined",
  "handover.accepted",
  "handover.buyer_opened",
  "handover.undone",
  // buyer report links (docs/decisions/0036-buyer-report.md)
  "report.link_created",
  "report.link_revoked",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The actions that can reach an owner's trail on the car page (written with the car and the owner
 * or their driver as subject, after the link started), plus the trail's own label for an
 * authorised driver added to the owner's car (lib/vehicles/queries.ts). Each has a label in every
 * language (tests/unit/messages.test.ts).
 */
export const OWNER_TRAIL_ACTIONS = [
  "invitation.accepted",
  "vehicle.linked",
  "vehicle.relinked",
  "vehicle.driver_linked",
  "vehicle.driver_access_ended",
  "vehicle.disconnected",
  "vehicle.removed",
  "vehicle.ownership_ended",
  "verification.submitted",
  "verification.claimed",
  "verification.released",
  "verification.approved",
  "verification.rejected",
  "verification.withdrawn",
  "verification.expired",
  "verification.document_viewed",
  "passport.transfer_accepted",
  "passport.service_relationship_ended",
  "contract.renewal_changed",
  "contract.renewed",
  "contract.expired",
  "driver.invited",
  "driver.invitation_revoked",
  "driver.joined",
  "driver.revoked",
  "driver.left",
  "vehicle.named",
  "vehicle.photo_set",
  "vehicle.photo_removed",
  "handover.started",
  "handover.withdrawn",
  "handover.declined",
  "handover.accepted",
  "handover.buyer_opened",
  "handover.undone",
] as const satisfies readonly AuditAction[];

export const DRIVER_ADDED_TRAIL_ACTION = "vehicle.driver_added";

/** Every role `actorRole` can record. */
export const AUDIT_ROLES = [
  "dealer:admin",
  "dealer:member",
  "garage:admin",
  "garage:member",
  "fleet:admin",
  "fleet:member",
  "support",
  "admin",
  "staff",
  "owner",
  "system",
] as const;

export type AuditRole = (typeof AUDIT_ROLES)[number];

/**
 * The actor's role for this row: "<kind>:<role>" when acting for an organisation they belong to;
 * otherwise "support" or "admin" for platform staff, "staff" for an organisation's member acting
 * on their own account (a password change, a sign-out), "owner" for everyone else, "system" when
 * no one acted.
 */
export function actorRole(actor: Actor | null, organisationId?: string | null): AuditRole {
  if (!actor) return "system";
  const m = organisationId ? actor.memberships.find((x) => x.organisationId === organisationId) : undefined;
  if (m) return `${m.kind.toLowerCase()}:${m.role.toLowerCase()}` as AuditRole;
  if (actor.platformRole === "SUPPORT") return "support";
  if (actor.platformRole === "ADMIN") return "admin";
  if (actor.memberships.length > 0) return "staff";
  return "owner";
}

export interface AuditEntry {
  entityType: string;
  entityId: string;
  /** The organisation the actor acted for; decides the recorded role. */
  organisationId?: string | null;
  vehicleId?: string | null;
  subjectUserId?: string | null;
  data?: Record<string, string | number | boolean | null>;
}

export async function audit(tx: Tx, actor: Actor | null, action: AuditAction, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorUserId: actor?.userId ?? null,
      actorOrganisationId: entry.organisationId ?? null,
      actorRole: actorRole(actor, entry.organisationId),
      action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      vehicleId: entry.vehicleId ?? null,
      subjectUserId: entry.subjectUserId ?? null,
      data: entry.data ?? {},
    },
  });
}

/**
 * The actor for a row written by a user who is not signed in but whom a link or a form proved
 * (activation, password reset, sign-up): their role is read like a signed-in user's, so a staff
 * member resetting their password is recorded as staff, not as an owner.
 */
export async function accountActor(tx: Tx, userId: string): Promise<Actor> {
  return actorFromUser(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: ACTOR_USER_SELECT }), null);
}
