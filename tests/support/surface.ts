/**
 * The app's attack surface as the proof tests see it: one entry per exported server action
 * (every `lib/**\/actions.ts` with "use server") and per exported route handler (every
 * `app/**\/route.ts`), keyed "<file>#<export>". The access matrix (tests/integration/access-matrix.test.ts)
 * and the action fuzzing (tests/integration/fuzz-actions-*.test.ts) find the exports themselves by
 * importing those files, and fail for an export without an entry here.
 *
 * Adding an action: add an entry under its key with
 * - `by`: who legitimately calls it (the matrix's control call, and the fuzzing's caller);
 * - `allowed`: the matrix columns (MATRIX_ACTORS) that may succeed too, with the reason in `why`
 *   (e.g. a link from an e-mail is the credential, or a self-service action on one's own account);
 * - `setup`: creates fresh resources of the owner or the first dealer/garage (the victims) and
 *   returns a valid input for `by`, and the victim's data that must never reach anyone else;
 * - `schema`: the action's input schema (the fuzzing runs inputs it refuses concurrently).
 */
import type { z } from "zod";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";
import { actorFor, createAuthToken, createMembership, createUser, makeVin, PASSWORD, uid, uniqueEmail } from "@/tests/factories";
import { invite, ownedVehicle } from "@/tests/factories/linking";
import { confirmTo, randomNlPlate, stockPassport, type Staff } from "@/tests/factories/passports";
import { facts, sampleJpeg, samplePdf, submittedRequest, uploadAll } from "@/tests/factories/verification";
import { addCostItem } from "@/lib/passports/add-cost-item";
import { addMaintenanceItem } from "@/lib/passports/add-maintenance-item";
import { acceptTransferByToken } from "@/lib/passports/accept-transfer";
import { claimRequest } from "@/lib/verification/claim-request";
import { REJECTION_REASONS } from "@/lib/verification/schemas";
import * as accounts from "@/lib/accounts/schemas";
import * as linking from "@/lib/linking/schemas";
import * as organisations from "@/lib/organisations/schemas";
import * as passports from "@/lib/passports/schemas";
import * as verification from "@/lib/verification/schemas";
import * as disputes from "@/lib/disputes/schemas";
import { approveRequest } from "@/lib/verification/approve-request";
import { contestDispute } from "@/lib/disputes/contest-dispute";
import { uploadDocument } from "@/lib/verification/upload-document";
import * as dossier from "@/lib/dossier/schemas";
import * as privacy from "@/lib/privacy/schemas";
import { unsubscribeToken } from "@/lib/privacy/consents";
import { newToken } from "@/lib/server/tokens";
import * as fleet from "@/lib/fleet/schemas";
import { requestUnlink } from "@/lib/fleet/request-unlink";
import { recordWorkshopEntry } from "@/lib/dossier/record-workshop-entry";
import * as drivers from "@/lib/drivers/schemas";
import * as handover from "@/lib/handover/schemas";
import { startHandover } from "@/lib/handover/start-handover";
import { acceptHandover } from "@/lib/handover/accept-handover";
import { today } from "@/lib/server/dates";
import * as carFace from "@/lib/car-face/schemas";
import { inviteDriver } from "@/lib/drivers/invite-driver";
import { uploadCarPhoto } from "@/lib/car-face/photo";
import * as inbox from "@/lib/messages/schemas";
import * as contracts from "@/lib/contracts/schemas";
import * as recalls from "@/lib/recalls/schemas";
import * as maintenance from "@/lib/maintenance/schemas";
import * as appointments from "@/lib/appointments/schemas";
import * as vehicles from "@/lib/vehicles/schemas";
import { requestAppointment } from "@/lib/appointments/request-appointment";
import { localValue } from "@/lib/appointments/times";
import * as reports from "@/lib/reports/schemas";
import { createReportLink } from "@/lib/reports/create-report-link";
import { MATRIX_ACTORS, type MatrixActor, type Who, type World } from "./world";

export interface Case {
  /** The action's input (form fields), or the route's request. */
  input: Record<string, unknown>;
  /** The victim's data the input does not carry: it must not appear in a refused caller's answer. */
  secrets?: string[];
}

export interface RouteRequest {
  method: string;
  path: string;
  params?: Record<string, unknown>;
  body?: Buffer;
  headers?: Record<string, string>;
}

interface Common {
  /** Who legitimately calls it; null: nobody (the control call is skipped). */
  by: Who | null;
  /** Matrix columns that may succeed as well as `by`, and why. */
  allowed?: readonly MatrixActor[];
  why?: string;
  /** Run after each matrix cell (not part of the call), e.g. to put back a password the call changed. */
  after?: (w: World) => Promise<void>;
  /** For self-service entries: the victim's (owner's) data, which must read the same after any other caller's call. */
  untouched?: (w: World) => Promise<unknown>;
}

export interface ActionEntry extends Common {
  kind: "action";
  schema?: z.ZodType;
  setup: (w: World) => Promise<Case>;
}

export interface RouteEntry extends Common {
  kind: "route";
  setup: (w: World) => Promise<{ request: RouteRequest; secrets?: string[] }>;
}

export type Entry = ActionEntry | RouteEntry;

const EVERYONE = MATRIX_ACTORS;
const SIGNED_IN = MATRIX_ACTORS.filter((a) => a !== "anonymous");
const NEW_PASSWORD = "a-new-password-2026";

const actor = (w: World, who: Exclude<Who, "anonymous">) => actorFor(w.users[who].id);
const garageOf = async (w: World): Promise<Staff> => ({
  garage: await db.organisation.findUniqueOrThrow({ where: { id: w.garage.id } }),
  fleet: await db.organisation.findUniqueOrThrow({ where: { id: w.garage.fleetId } }),
  user: w.users.garage,
  actor: await actor(w, "garage"),
});
const dealerOf = async (w: World) => ({ org: await db.organisation.findUniqueOrThrow({ where: { id: w.dealer.id } }), actor: await actor(w, "dealer") });
const ownerSecrets = (w: World) => [w.users.owner.email, w.users.owner.firstName, w.users.owner.lastName];

async function ownedCar(w: World, linkedByOrganisationId: string | null = null) {
  const car = await ownedVehicle({ ownerId: w.users.owner.id, linkedByOrganisationId });
  return { ...car, secrets: [...ownerSecrets(w), car.vehicle.vin] };
}

/** An invitation to drive a fresh car of the victim owner, sent to `email`; its token and ids. */
async function driverInvitation(w: World, email = uniqueEmail("driver")) {
  const car = await ownedCar(w);
  const r = await inviteDriver({ actor: await actor(w, "owner"), vehicleId: car.vehicle.id, email, locale: "nl" });
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email, template: "driver-invitation" }, orderBy: { createdAt: "desc" } });
  const token = new URL(String((mail.payload as { url: string }).url)).pathname.split("/").pop()!;
  return { car, token, invitationId: r.invitationId, email };
}

/** A handover of a fresh car of the victim owner to `email`: its id and the link's token (docs/decisions/0034). */
async function handoverOf(w: World, email = uniqueEmail("buyer")) {
  const car = await ownedCar(w);
  const r = await startHandover({
    actor: await actor(w, "owner"),
    vehicleId: car.vehicle.id,
    buyerName: "Bram Koper",
    buyerEmail: email,
    buyerEmailConfirm: email,
    locale: "nl",
    soldOn: today(),
    mileageKm: 20000,
    move: [],
  });
  return { car, handoverId: r.handoverId, token: r.token, email };
}

/** Another person's car offered to the victim owner's account (the inbox message's route). */
async function offeredToVictim(w: World) {
  const other = await ownedVehicle();
  const email = w.users.owner.email;
  const r = await startHandover({ actor: await actorFor(other.owner.id), vehicleId: other.vehicle.id, buyerName: "Victim", buyerEmail: email, buyerEmailConfirm: email, locale: "nl", soldOn: today(), mileageKm: 20000, move: [] });
  return { input: { handoverId: r.handoverId }, secrets: [other.vehicle.vin, other.vehicle.id, other.owner.email] };
}

/** The victim owner drives a fresh car of someone else (invited and accepted). */
async function ownerDrives() {
  const other = await ownedVehicle();
  return { vehicleId: other.vehicle.id, holding: other.holding, secrets: [other.owner.email, other.owner.firstName, other.owner.lastName, other.vehicle.vin] };
}

/** A service entry's fields: yesterday (UTC, so never in Amsterdam's future), a plausible reading. */
const serviceEntry = () => ({
  kind: "SERVICE",
  performedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  mileageKm: String(10_000 + Math.floor(Math.random() * 1000)),
  description: "Jaarlijkse beurt",
  lines: "Olie ververst\nRemmen gecontroleerd",
});

/** A time `days` ahead, at a quarter hour. */
const ahead = (days: number) => new Date(Math.ceil((Date.now() + days * 86_400_000) / 900_000) * 900_000);

/** The owner's appointment request at the first dealer, moved to `status` (its owner's and car's data as the secrets). */
async function ownersAppointment(w: World, status: "REQUESTED" | "PROPOSED" = "REQUESTED") {
  const car = await ownedCar(w);
  const r = await requestAppointment({ actor: await actor(w, "owner"), vehicleId: car.vehicle.id, organisationId: w.dealer.id, reason: "SERVICE", times: [ahead(3), ahead(4)] });
  if (status === "PROPOSED") await db.appointment.update({ where: { id: r.appointmentId }, data: { status, proposedAt: ahead(5) } });
  return { appointmentId: r.appointmentId, secrets: car.secrets };
}

/** A passport of the first garage, with its plate and VIN as the secrets. */
async function passport(w: World) {
  const p = await stockPassport(await garageOf(w));
  return { ...p, secrets: [p.vin, p.plate] };
}

/** A passport of the first garage transferred to (and accepted by) the owner. */
async function ownersPassportCar(w: World) {
  const staff = await garageOf(w);
  const p = await stockPassport(staff);
  const t = await confirmTo(staff, p.passportId, w.users.owner.email);
  const { vehicleId } = await acceptTransferByToken({ actor: await actor(w, "owner"), token: t.token });
  return { vehicleId, secrets: [p.vin, p.plate, ...ownerSecrets(w)] };
}

async function invitedUser() {
  const user = await createUser({ status: "INVITED", password: null });
  return user;
}

/** A request submitted by the owner (routed to support: the owner's language is Dutch). */
async function ownersRequest(w: World, claimedBy: "support" | null = null) {
  const r = await submittedRequest(await actor(w, "owner"));
  if (claimedBy) await claimRequest({ actor: await actor(w, claimedBy), requestId: r.requestId });
  return { ...r, secrets: [...ownerSecrets(w), r.vin] };
}

/**
 * The victim owner's car claimed by someone else with a certificate in their name (support
 * approved it): an open dispute the owner answers (docs/decisions/0035); `contested` has the owner
 * contest it, so support decides it.
 */
async function ownersDisputedCar(w: World, contested = false) {
  const car = await ownedCar(w);
  const claimant = await actorFor((await createUser()).id);
  const r = await submittedRequest(claimant, { vin: car.vehicle.vin });
  const support = await actor(w, "support");
  await claimRequest({ actor: support, requestId: r.requestId });
  const approved = await approveRequest({ actor: support, ...facts(r.requestId, r.vin), confirmOwnershipChange: true });
  const disputeId = approved.disputeId!;
  if (contested) {
    const owner = await actor(w, "owner");
    const upload = await uploadDocument({ actor: owner, kind: "REGISTRATION", bytes: await sampleJpeg() });
    await contestDispute({ actor: owner, disputeId, upload_REGISTRATION: upload.uploadId });
  }
  return { disputeId, secrets: [...car.secrets, claimant.email] };
}

const approveFields = (requestId: string, vin: string) => ({
  requestId,
  idDocumentType: "DRIVING_LICENCE",
  fullName: "Test User",
  dateOfBirth: "1985-04-12",
  placeOfBirth: "Utrecht",
  address: "Stationsplein 1, 3511 ED Utrecht",
  documentValidUntil: `${new Date().getUTCFullYear() + 5}-01-01`,
  vin,
  make: "Porsche",
  model: "Macan",
  modelYear: "2023",
  fuel: "ELECTRIC",
  plateCountry: "NL",
  registeredOwnerName: "Test User",
  registeredOwnerAddress: "Stationsplein 1, 3511 ED Utrecht",
});

let passwordHash: string | undefined;
/** Puts back the cast's password (PASSWORD) after a call changed it. */
const restorePasswords = async (w: World) => {
  passwordHash ??= await hashPassword(PASSWORD);
  await db.user.updateMany({ where: { id: { in: Object.values(w.users).map((u) => u.id) } }, data: { passwordHash } });
};
/** The owner's password and sessions: what another caller's self-service call must leave alone. */
const ownersAccount = async (w: World) =>
  db.user.findUniqueOrThrow({ where: { id: w.users.owner.id }, select: { passwordHash: true, status: true, sessions: { select: { id: true, revokedAt: true }, orderBy: { id: "asc" } } } });

/** The cast's names and languages, put back after a profile call renamed the caller. */
const restoreProfiles = async (w: World) => {
  for (const u of Object.values(w.users)) await db.user.update({ where: { id: u.id }, data: { firstName: u.firstName, lastName: u.lastName, locale: u.locale } });
};
/** The owner's profile and consents: what another caller's self-service call must leave alone. */
const ownersPrivacy = async (w: World) =>
  db.user.findUniqueOrThrow({
    where: { id: w.users.owner.id },
    select: { email: true, firstName: true, lastName: true, locale: true, street: true, erasedAt: true, consents: { select: { purpose: true, status: true }, orderBy: { purpose: "asc" } } },
  });
/** A fresh account with a pending link of `kind` (the e-mailed link is the credential). */
async function accountWithLink(kind: "EMAIL_CHANGE" | "EMAIL_CHANGE_REPORT") {
  const user = await createUser();
  const { token, hash } = newToken();
  await db.authToken.create({ data: { userId: user.id, kind, tokenHash: hash, expiresAt: new Date(Date.now() + 3600_000), newEmail: kind === "EMAIL_CHANGE" ? uniqueEmail("changed") : null } });
  return { user, token };
}
/** A fresh account with a consent: pending (with its opt-in link) or confirmed (with its unsubscribe link). */
async function accountWithConsent(status: "PENDING" | "CONFIRMED") {
  const user = await createUser();
  const { token, hash } = newToken();
  const consent = await db.consent.create({
    data: { userId: user.id, purpose: "NEWSLETTER", status, tokenHash: status === "PENDING" ? hash : null, expiresAt: new Date(Date.now() + 3600_000), confirmedAt: status === "CONFIRMED" ? new Date() : null },
  });
  return { user, token: status === "PENDING" ? token : unsubscribeToken(consent.id) };
}

/** An unread message in the owner's inbox about their car (its VIN in the text's data: a secret). */
async function ownersMessage(w: World) {
  const car = await ownedCar(w);
  const m = await db.message.create({
    data: { userId: w.users.owner.id, vehicleId: car.vehicle.id, kind: "vehicle_linked", data: { car: `Porsche ${car.vehicle.vin}`, link: `/garage/vehicles/${car.vehicle.id}` } },
  });
  return { input: { messageId: m.id }, secrets: car.secrets };
}

/** What another caller's "mark all as read" must leave alone: which of the owner's messages are read. */
const ownersReadMessages = async (w: World) => db.message.findMany({ where: { userId: w.users.owner.id, NOT: { readAt: null } }, select: { id: true }, orderBy: { id: "asc" } });

export const ENTRIES: Record<string, Entry> = {
  // ---- lib/privacy/actions.ts (docs/decisions/0031)
  "lib/privacy/actions.ts#updateProfileAction": {
    kind: "action",
    schema: privacy.OwnerProfileInput,
    untouched: ownersPrivacy,
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: it saves the caller's own profile (the input names no one)",
    after: restoreProfiles,
    setup: async () => ({ input: { firstName: "Renamed", lastName: "Person", locale: "en" } }),
  },
  "lib/privacy/actions.ts#requestEmailChangeAction": {
    kind: "action",
    schema: privacy.ChangeEmailInput,
    untouched: ownersPrivacy,
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: it sends a link to change the caller's own address, after their password",
    setup: async () => ({ input: { email: uniqueEmail("next"), currentPassword: PASSWORD } }),
  },
  "lib/privacy/actions.ts#confirmEmailChangeAction": {
    kind: "action",
    schema: privacy.LinkTokenInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "the link e-mailed to the new address is the credential",
    untouched: ownersPrivacy,
    setup: async () => {
      const { user, token } = await accountWithLink("EMAIL_CHANGE");
      return { input: { token }, secrets: [user.email] };
    },
  },
  "lib/privacy/actions.ts#reportEmailChangeAction": {
    kind: "action",
    schema: privacy.LinkTokenInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "the \"this was not me\" link e-mailed to the old address is the credential",
    untouched: ownersAccount,
    setup: async () => {
      const { user, token } = await accountWithLink("EMAIL_CHANGE_REPORT");
      return { input: { token }, secrets: [user.email] };
    },
  },
  "lib/privacy/actions.ts#requestConsentAction": {
    kind: "action",
    schema: privacy.ConsentInput,
    untouched: ownersPrivacy,
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: it asks for the caller's own opt-in (the input names no one)",
    setup: async () => ({ input: { purpose: "MARKETING_SMS" } }),
  },
  "lib/privacy/actions.ts#withdrawConsentAction": {
    kind: "action",
    schema: privacy.ConsentInput,
    untouched: ownersPrivacy,
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: it switches off the caller's own consent (the input names no one)",
    setup: async () => ({ input: { purpose: "MARKETING_SMS" } }),
  },
  "lib/privacy/actions.ts#confirmConsentAction": {
    kind: "action",
    schema: privacy.LinkTokenInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "the opt-in link e-mailed to the account's address is the credential (double opt-in)",
    untouched: ownersPrivacy,
    setup: async () => {
      const { user, token } = await accountWithConsent("PENDING");
      return { input: { token }, secrets: [user.email] };
    },
  },
  "lib/privacy/actions.ts#unsubscribeAction": {
    kind: "action",
    schema: privacy.LinkTokenInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "the signed unsubscribe link of a marketing e-mail is the credential (no sign-in, by law)",
    untouched: ownersPrivacy,
    setup: async () => {
      const { user, token } = await accountWithConsent("CONFIRMED");
      return { input: { token }, secrets: [user.email] };
    },
  },
  "lib/privacy/actions.ts#deleteAccountAction": {
    kind: "action",
    schema: privacy.DeleteAccountInput,
    untouched: ownersPrivacy,
    // No control call: it would erase the cast. The password below is no one's, so every cell is
    // refused; erasure itself is proven in tests/integration/privacy.test.ts.
    by: null,
    allowed: SIGNED_IN,
    why: "self-service: it erases the caller's own account after their password (the input names no one)",
    setup: async (w) => ({ input: { password: "not-anyones-password", understood: "on" }, secrets: ownerSecrets(w) }),
  },

  // ---- lib/accounts/actions.ts
  "lib/accounts/actions.ts#signUpAction": {
    kind: "action",
    schema: accounts.SignUpInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "a public form; it creates a new account and touches no one else's",
    setup: async () => ({ input: { email: uniqueEmail("signup"), firstName: "Sanne", lastName: "Smit", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, locale: "nl" } }),
  },
  "lib/accounts/actions.ts#signInAction": {
    kind: "action",
    schema: accounts.SignInInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "the e-mail address and password are the credential",
    setup: async (w) => ({ input: { email: w.users.otherOwner.email, password: PASSWORD, locale: "nl" } }),
  },
  "lib/accounts/actions.ts#activateAction": {
    kind: "action",
    by: "anonymous",
    allowed: EVERYONE,
    why: "the e-mailed activation link is the credential",
    setup: async () => {
      const user = await invitedUser();
      const { token } = await createAuthToken(user.id, "ACTIVATION");
      return { input: { token, password: NEW_PASSWORD, locale: "nl" }, secrets: [user.email] };
    },
  },
  "lib/accounts/actions.ts#forgotPasswordAction": {
    kind: "action",
    schema: accounts.ForgotPasswordInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "a public form that answers the same whether or not the address has an account",
    setup: async (w) => ({ input: { email: w.users.owner.email, locale: "nl" }, secrets: [w.users.owner.firstName] }),
  },
  "lib/accounts/actions.ts#requestActivationAction": {
    kind: "action",
    schema: accounts.RequestActivationInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "a public form that answers the same whether or not a link was sent",
    setup: async () => ({ input: { email: (await invitedUser()).email, locale: "nl" } }),
  },
  "lib/accounts/actions.ts#resendActivationAction": {
    kind: "action",
    schema: accounts.ResendActivationInput,
    by: "support",
    setup: async () => {
      const user = await invitedUser();
      return { input: { userId: user.id }, secrets: [user.email] };
    },
  },
  "lib/accounts/actions.ts#resetPasswordAction": {
    kind: "action",
    schema: accounts.ResetPasswordInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "the e-mailed reset link is the credential",
    setup: async () => {
      const user = await createUser();
      const { token } = await createAuthToken(user.id, "PASSWORD_RESET");
      return { input: { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, locale: "nl" }, secrets: [user.email] };
    },
  },
  "lib/accounts/actions.ts#changePasswordAction": {
    kind: "action",
    untouched: ownersAccount,
    schema: accounts.ChangePasswordInput,
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: it changes the caller's own password (the input names no one)",
    after: restorePasswords,
    setup: async () => ({ input: { currentPassword: PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD } }),
  },
  "lib/accounts/actions.ts#signOutEverywhereAction": {
    kind: "action",
    untouched: ownersAccount,
    schema: accounts.EmptyInput,
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: it ends the caller's own sessions (the input names no one)",
    setup: async () => ({ input: {} }),
  },
  "lib/accounts/actions.ts#endSessionAction": {
    kind: "action",
    schema: accounts.EndSessionInput,
    by: "owner",
    setup: async (w) => {
      // Another of the owner's sessions (another device): only the owner may end it.
      const session = await db.authSession.create({
        data: { userId: w.users.owner.id, expiresAt: new Date(Date.now() + 3600_000), userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0" },
      });
      return { input: { sessionId: session.id }, secrets: ownerSecrets(w) };
    },
  },
  "lib/accounts/actions.ts#signOutAction": {
    kind: "action",
    untouched: ownersAccount,
    by: "owner",
    allowed: EVERYONE,
    why: "self-service: it ends the caller's own session; takes no input",
    setup: async () => ({ input: {} }),
  },

  // ---- lib/dossier/actions.ts
  "lib/dossier/actions.ts#recordWorkshopEntryAction": {
    kind: "action",
    schema: dossier.WorkshopEntryInput,
    by: "dealer",
    setup: async (w) => {
      // The dealer linked the owner's car: it services it, and may record work on it.
      const car = await ownedCar(w, w.dealer.id);
      return { input: { vehicleId: car.vehicle.id, ...serviceEntry() }, secrets: car.secrets };
    },
  },
  "lib/dossier/actions.ts#recordOwnerEntryAction": {
    kind: "action",
    schema: dossier.OwnerEntryInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      return { input: { vehicleId: car.vehicle.id, ...serviceEntry(), workshopName: "Garage om de hoek" }, secrets: car.secrets };
    },
  },

  // ---- lib/appointments/actions.ts
  "lib/appointments/actions.ts#requestAppointmentAction": {
    kind: "action",
    schema: appointments.RequestAppointmentInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      return {
        input: { vehicleId: car.vehicle.id, organisationId: w.dealer.id, reason: "SERVICE", time1: localValue(ahead(3)), time2: localValue(ahead(4)), note: "Rammelt" },
        secrets: car.secrets,
      };
    },
  },
  "lib/appointments/actions.ts#confirmAppointmentAction": {
    kind: "action",
    schema: appointments.ConfirmAppointmentInput,
    by: "dealer",
    setup: async (w) => {
      const a = await ownersAppointment(w);
      return { input: { appointmentId: a.appointmentId, choice: "0" }, secrets: a.secrets };
    },
  },
  "lib/appointments/actions.ts#proposeTimeAction": {
    kind: "action",
    schema: appointments.ProposeAppointmentInput,
    by: "dealer",
    setup: async (w) => {
      const a = await ownersAppointment(w);
      return { input: { appointmentId: a.appointmentId, time: localValue(ahead(6)) }, secrets: a.secrets };
    },
  },
  "lib/appointments/actions.ts#declineAppointmentAction": {
    kind: "action",
    schema: appointments.DeclineAppointmentInput,
    by: "dealer",
    setup: async (w) => {
      const a = await ownersAppointment(w);
      return { input: { appointmentId: a.appointmentId, reason: "Volgeboekt" }, secrets: a.secrets };
    },
  },
  "lib/appointments/actions.ts#acceptProposalAction": {
    kind: "action",
    schema: appointments.AppointmentOnlyInput,
    by: "owner",
    setup: async (w) => {
      const a = await ownersAppointment(w, "PROPOSED");
      return { input: { appointmentId: a.appointmentId }, secrets: a.secrets };
    },
  },
  "lib/appointments/actions.ts#cancelAppointmentAction": {
    kind: "action",
    schema: appointments.AppointmentOnlyInput,
    by: "owner",
    setup: async (w) => {
      const a = await ownersAppointment(w);
      return { input: { appointmentId: a.appointmentId }, secrets: a.secrets };
    },
  },

  // ---- lib/linking/actions.ts
  "lib/linking/actions.ts#inviteBuyerAction": {
    kind: "action",
    schema: linking.InviteInput,
    by: "dealer",
    setup: async (w) => ({
      input: {
        organisationId: w.dealer.id,
        vin: makeVin(),
        make: "Porsche",
        model: "Taycan",
        modelYear: "2025",
        fuel: "ELECTRIC",
        plateCountry: "NL",
        email: uniqueEmail("buyer"),
        locale: "nl",
        include_CONNECT: "on",
        months_CONNECT: "12",
      },
      secrets: [w.dealer.name],
    }),
  },
  "lib/linking/actions.ts#resendInvitationAction": {
    kind: "action",
    schema: linking.InvitationIdInput,
    by: "dealer",
    setup: async (w) => {
      const i = await invite(await dealerOf(w));
      return { input: { invitationId: i.invitationId }, secrets: [i.email, i.vin] };
    },
  },
  "lib/linking/actions.ts#revokeInvitationAction": {
    kind: "action",
    schema: linking.InvitationIdInput,
    by: "dealer",
    setup: async (w) => {
      const i = await invite(await dealerOf(w));
      return { input: { invitationId: i.invitationId }, secrets: [i.email, i.vin] };
    },
  },
  "lib/linking/actions.ts#acceptInvitationAction": {
    kind: "action",
    schema: linking.AcceptInvitationInput,
    by: "owner",
    setup: async (w) => {
      const i = await invite(await dealerOf(w), { email: w.users.owner.email });
      return { input: { token: i.token }, secrets: [i.vin, i.vehicleId] };
    },
  },
  "lib/linking/actions.ts#acceptWithNewAccountAction": {
    kind: "action",
    schema: linking.AcceptWithNewAccountInput,
    by: "anonymous",
    setup: async (w) => {
      const i = await invite(await dealerOf(w));
      return {
        input: { token: i.token, firstName: "Bram", lastName: "Koper", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, locale: "nl" },
        secrets: [i.vin, i.vehicleId, i.email],
      };
    },
  },
  "lib/linking/actions.ts#lookupOwnerAction": {
    kind: "action",
    schema: linking.LookupOwnerInput,
    by: "dealer",
    setup: async (w) => ({ input: { organisationId: w.dealer.id, email: w.users.owner.email }, secrets: [w.users.owner.firstName, w.users.owner.lastName] }),
  },
  "lib/linking/actions.ts#lookupVehicleAction": {
    kind: "action",
    schema: linking.LookupVehicleInput,
    by: "dealer",
    setup: async (w) => {
      const car = await ownedCar(w, w.dealer.id);
      return { input: { organisationId: w.dealer.id, vin: car.vehicle.vin }, secrets: [...car.secrets, car.vehicle.id] };
    },
  },
  "lib/vehicles/actions.ts#lookUpVehicleAction": {
    kind: "action",
    schema: vehicles.LookUpVehicleInput,
    by: "garage",
    // Public RDW data and a make from the VIN: nothing of a tenant, but only for an organisation of the caller's.
    setup: async (w) => ({ input: { organisationId: w.garage.id, plate: randomNlPlate(), plateCountry: "NL", vin: makeVin() } }),
  },
  "lib/linking/actions.ts#verifyAtDeskAction": {
    kind: "action",
    schema: linking.DeskVerificationInput,
    by: "dealer",
    setup: async (w) => {
      const o = w.users.owner;
      const name = `${o.firstName} ${o.lastName}`;
      return {
        input: {
          organisationId: w.dealer.id,
          ownerEmail: o.email,
          relationship: "OWNER",
          idDocumentType: "DRIVING_LICENCE",
          fullName: name,
          dateOfBirth: "1985-04-12",
          placeOfBirth: "Zwolle",
          address: "Kerkstraat 1, 8011 AA Zwolle",
          documentValidUntil: `${new Date().getUTCFullYear() + 3}-06-30`,
          vin: makeVin(),
          make: "Porsche",
          model: "Cayenne",
          modelYear: "2023",
          fuel: "HYBRID",
          plateCountry: "NL",
          registeredOwnerName: name,
          registeredOwnerAddress: "Kerkstraat 1, 8011 AA Zwolle",
        },
      };
    },
  },
  "lib/linking/actions.ts#removeVehicleAction": {
    kind: "action",
    schema: linking.RemoveVehicleInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      return { input: { vehicleId: car.vehicle.id, understood: "on" }, secrets: car.secrets };
    },
  },
  "lib/linking/actions.ts#disconnectAction": {
    kind: "action",
    schema: linking.DisconnectInput,
    by: "dealer",
    setup: async (w) => {
      const car = await ownedCar(w, w.dealer.id);
      return { input: { holdingId: car.holding.id }, secrets: car.secrets };
    },
  },
  "lib/linking/actions.ts#relinkAction": {
    kind: "action",
    schema: linking.RelinkInput,
    by: "dealer",
    setup: async (w) => {
      const car = await ownedCar(w, w.dealer.id);
      await db.holding.update({ where: { id: car.holding.id }, data: { disconnectedAt: new Date() } });
      return { input: { holdingId: car.holding.id, identityChecked: "on" }, secrets: car.secrets };
    },
  },

  // ---- lib/organisations/actions.ts
  "lib/organisations/actions.ts#createOrganisationAction": {
    kind: "action",
    schema: organisations.CreateOrganisationInput,
    by: "admin",
    setup: async () => ({ input: { name: `Organisatie ${uid()}`, kind: "DEALER", country: "NL", city: "Utrecht" } }),
  },
  "lib/organisations/actions.ts#addMemberAction": {
    kind: "action",
    schema: organisations.AddMemberInput,
    by: "dealer",
    setup: async (w) => ({ input: { organisationId: w.dealer.id, email: (await createUser()).email, role: "MEMBER" }, secrets: [w.dealer.name] }),
  },
  "lib/organisations/actions.ts#setMemberRoleAction": {
    kind: "action",
    schema: organisations.SetMemberRoleInput,
    by: "dealer",
    setup: async (w) => {
      const user = await createUser();
      const m = await createMembership(user.id, w.dealer.id);
      return { input: { membershipId: m.id, role: "ADMIN" }, secrets: [user.email, w.dealer.name] };
    },
  },
  "lib/organisations/actions.ts#removeMemberAction": {
    kind: "action",
    schema: organisations.MemberInput,
    by: "dealer",
    setup: async (w) => {
      const user = await createUser();
      const m = await createMembership(user.id, w.dealer.id);
      return { input: { membershipId: m.id }, secrets: [user.email, w.dealer.name] };
    },
  },
  "lib/organisations/actions.ts#setUserStatusAction": {
    kind: "action",
    schema: organisations.SetUserStatusInput,
    by: "admin",
    setup: async () => {
      const user = await createUser();
      return { input: { userId: user.id, status: "DISABLED" }, secrets: [user.email] };
    },
  },

  // ---- lib/passports/actions.ts
  "lib/passports/actions.ts#createPassportAction": {
    kind: "action",
    schema: passports.CreatePassportInput,
    by: "garage",
    setup: async (w) => ({
      input: { garageId: w.garage.id, vin: makeVin(), make: "Honda", model: "Civic", modelYear: "2019", fuel: "PETROL", plate: randomNlPlate(), plateCountry: "NL" },
      secrets: [w.garage.name],
    }),
  },
  "lib/passports/actions.ts#updatePassportAction": {
    kind: "action",
    schema: passports.UpdatePassportInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      return { input: { passportId: p.passportId, status: "RESERVED", notes: "Klant belt terug" }, secrets: p.secrets };
    },
  },
  "lib/passports/actions.ts#addCostItemAction": {
    kind: "action",
    schema: passports.AddCostItemInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      return { input: { passportId: p.passportId, description: "Poetsbeurt", amount: "49,95" }, secrets: p.secrets };
    },
  },
  "lib/passports/actions.ts#removeCostItemAction": {
    kind: "action",
    schema: passports.ItemInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      const { itemId } = await addCostItem({ actor: await actor(w, "garage"), passportId: p.passportId, description: "Banden", amountCents: 40000 });
      return { input: { passportId: p.passportId, itemId }, secrets: p.secrets };
    },
  },
  "lib/passports/actions.ts#addMaintenanceItemAction": {
    kind: "action",
    schema: passports.AddMaintenanceItemInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      return { input: { passportId: p.passportId, description: "APK", dueAt: "" }, secrets: p.secrets };
    },
  },
  "lib/passports/actions.ts#setMaintenanceDoneAction": {
    kind: "action",
    schema: passports.MaintenanceDoneInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      const { itemId } = await addMaintenanceItem({ actor: await actor(w, "garage"), passportId: p.passportId, description: "Remmen" });
      return { input: { passportId: p.passportId, itemId, done: "true" }, secrets: p.secrets };
    },
  },
  "lib/passports/actions.ts#removeMaintenanceItemAction": {
    kind: "action",
    schema: passports.ItemInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      const { itemId } = await addMaintenanceItem({ actor: await actor(w, "garage"), passportId: p.passportId, description: "Olie" });
      return { input: { passportId: p.passportId, itemId }, secrets: p.secrets };
    },
  },
  "lib/passports/actions.ts#setFleetAccountAction": {
    kind: "action",
    schema: passports.SetFleetInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      return { input: { passportId: p.passportId, fleetAccountId: w.garage.fleetId }, secrets: p.secrets };
    },
  },
  "lib/passports/actions.ts#confirmTransferAction": {
    kind: "action",
    schema: passports.ConfirmTransferInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      const email = uniqueEmail("koper");
      return {
        input: { passportId: p.passportId, name: "Bram Koper", street: "Kerkstraat 1", postalCode: "3511 AB", city: "Utrecht", email, emailConfirm: email, locale: "nl" },
        secrets: p.secrets,
      };
    },
  },
  "lib/passports/actions.ts#cancelTransferAction": {
    kind: "action",
    schema: passports.PassportIdInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      const t = await confirmTo(await garageOf(w), p.passportId);
      return { input: { passportId: p.passportId }, secrets: [...p.secrets, t.email] };
    },
  },
  "lib/passports/actions.ts#updateContactAction": {
    kind: "action",
    schema: passports.UpdateContactInput,
    by: "garage",
    setup: async (w) => {
      const p = await passport(w);
      const t = await confirmTo(await garageOf(w), p.passportId);
      return { input: { passportId: p.passportId, name: "Bram de Koper", street: "Dorpsstraat 2", postalCode: "3512 CD", city: "Utrecht" }, secrets: [...p.secrets, t.email] };
    },
  },
  "lib/passports/actions.ts#acceptTransferAction": {
    kind: "action",
    schema: passports.TransferIdInput,
    by: "owner",
    setup: async (w) => {
      const p = await passport(w);
      const t = await confirmTo(await garageOf(w), p.passportId, w.users.owner.email);
      return { input: { transferId: t.transferId }, secrets: [...p.secrets, p.vehicleId] };
    },
  },
  "lib/passports/actions.ts#declineTransferAction": {
    kind: "action",
    schema: passports.TransferIdInput,
    by: "owner",
    setup: async (w) => {
      const p = await passport(w);
      const t = await confirmTo(await garageOf(w), p.passportId, w.users.owner.email);
      return { input: { transferId: t.transferId }, secrets: p.secrets };
    },
  },
  "lib/passports/actions.ts#acceptTransferByTokenAction": {
    kind: "action",
    schema: passports.TransferTokenInput,
    by: "owner",
    setup: async (w) => {
      const p = await passport(w);
      const t = await confirmTo(await garageOf(w), p.passportId, w.users.owner.email);
      return { input: { token: t.token }, secrets: [...p.secrets, p.vehicleId] };
    },
  },
  "lib/passports/actions.ts#acceptTransferWithPasswordAction": {
    kind: "action",
    schema: passports.AcceptWithPasswordInput,
    by: "anonymous",
    setup: async (w) => {
      const p = await passport(w);
      const t = await confirmTo(await garageOf(w), p.passportId);
      return { input: { token: t.token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, locale: "nl" }, secrets: [...p.secrets, p.vehicleId, t.email] };
    },
  },
  "lib/passports/actions.ts#declineTransferByTokenAction": {
    kind: "action",
    schema: passports.TransferTokenInput,
    by: "anonymous",
    allowed: EVERYONE,
    why: "the e-mailed transfer link is the credential (for a buyer without an account)",
    setup: async (w) => {
      const p = await passport(w);
      const t = await confirmTo(await garageOf(w), p.passportId);
      return { input: { token: t.token } };
    },
  },
  "lib/passports/actions.ts#correctTransferEmailAction": {
    kind: "action",
    schema: passports.CorrectEmailInput,
    by: "support",
    setup: async (w) => {
      const p = await passport(w);
      const t = await confirmTo(await garageOf(w), p.passportId);
      const email = uniqueEmail("corrected");
      return { input: { transferId: t.transferId, email, emailConfirm: email }, secrets: [...p.secrets, t.email] };
    },
  },
  "lib/passports/actions.ts#endServiceRelationshipAction": {
    kind: "action",
    schema: passports.VehicleIdInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownersPassportCar(w);
      return { input: { vehicleId: car.vehicleId }, secrets: car.secrets };
    },
  },

  // ---- lib/verification/actions.ts
  "lib/verification/actions.ts#submitVerificationAction": {
    kind: "action",
    schema: verification.SubmitRequestInput,
    by: "owner",
    setup: async (w) => ({ input: { vin: makeVin(), relationship: "OWNER", ...(await uploadAll(await actor(w, "owner"))) } }),
  },
  "lib/verification/actions.ts#withdrawVerificationAction": {
    kind: "action",
    schema: verification.RequestIdInput,
    by: "owner",
    setup: async (w) => {
      const r = await ownersRequest(w);
      return { input: { requestId: r.requestId }, secrets: r.secrets };
    },
  },
  "lib/verification/actions.ts#claimVerificationAction": {
    kind: "action",
    schema: verification.RequestIdInput,
    by: "support",
    setup: async (w) => {
      const r = await ownersRequest(w);
      return { input: { requestId: r.requestId }, secrets: r.secrets };
    },
  },
  "lib/verification/actions.ts#releaseVerificationAction": {
    kind: "action",
    schema: verification.RequestIdInput,
    by: "support",
    setup: async (w) => {
      const r = await ownersRequest(w, "support");
      return { input: { requestId: r.requestId }, secrets: r.secrets };
    },
  },
  "lib/verification/actions.ts#approveVerificationAction": {
    kind: "action",
    schema: verification.ApproveInput,
    by: "support",
    setup: async (w) => {
      const r = await ownersRequest(w, "support");
      return { input: approveFields(r.requestId, r.vin), secrets: ownerSecrets(w) };
    },
  },
  "lib/verification/actions.ts#rejectVerificationAction": {
    kind: "action",
    schema: verification.RejectInput,
    by: "support",
    setup: async (w) => {
      const r = await ownersRequest(w, "support");
      return { input: { requestId: r.requestId, reason: REJECTION_REASONS[0], note: "" }, secrets: r.secrets };
    },
  },

  // ---- lib/disputes/actions.ts (docs/decisions/0035)
  "lib/disputes/actions.ts#releaseDisputeAction": {
    kind: "action",
    schema: disputes.DisputeIdInput,
    by: "owner",
    setup: async (w) => {
      const d = await ownersDisputedCar(w);
      return { input: { disputeId: d.disputeId }, secrets: d.secrets };
    },
  },
  "lib/disputes/actions.ts#contestDisputeAction": {
    kind: "action",
    schema: disputes.ContestInput,
    by: "owner",
    // A refused caller leaves the owner's upload waiting: cleared, so the owner's limit of waiting
    // uploads (MAX_PENDING_UPLOADS) is not used up for the entries after this one.
    after: async (w) => {
      await db.pendingUpload.deleteMany({ where: { userId: w.users.owner.id } });
    },
    setup: async (w) => {
      const d = await ownersDisputedCar(w);
      const upload = await uploadDocument({ actor: await actor(w, "owner"), kind: "REGISTRATION", bytes: await sampleJpeg() });
      return { input: { disputeId: d.disputeId, upload_REGISTRATION: upload.uploadId, note: "" }, secrets: d.secrets };
    },
  },
  "lib/disputes/actions.ts#decideDisputeAction": {
    kind: "action",
    schema: disputes.DecideInput,
    by: "support",
    setup: async (w) => {
      const d = await ownersDisputedCar(w, true);
      return { input: { disputeId: d.disputeId, winner: "holder" }, secrets: d.secrets };
    },
  },

  // ---- lib/recalls/actions.ts
  "lib/recalls/actions.ts#registerCampaignAction": {
    kind: "action",
    schema: recalls.RegisterCampaignInput,
    by: "support",
    setup: async (w) => {
      // A campaign covering one of the owner's cars: only central support may register it.
      const car = await ownedCar(w);
      const model = `Proof-${uid()}`;
      await db.vehicle.update({ where: { id: car.vehicle.id }, data: { model } });
      const code = `P-${uid()}`.toUpperCase();
      return {
        input: { code, titleNl: "Airbag", titleEn: "Airbag", titleFr: "Airbag", descriptionNl: "Controle", descriptionEn: "Check", descriptionFr: "Contrôle", scope: "MODEL", make: "Porsche", model, yearFrom: "", yearTo: "" },
        secrets: car.secrets,
      };
    },
  },
  "lib/recalls/actions.ts#addWarrantyAction": {
    kind: "action",
    schema: recalls.AddWarrantyInput,
    by: "dealer",
    setup: async (w) => {
      // The dealer linked the owner's car: it services it, and may add a warranty.
      const car = await ownedCar(w, w.dealer.id);
      const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
      return { input: { vehicleId: car.vehicle.id, warrantyKind: "FACTORY", provider: "Porsche AG", startsOn: day(-1), endsOn: day(700), maxKm: "" }, secrets: car.secrets };
    },
  },

  // ---- lib/maintenance/actions.ts
  "lib/maintenance/actions.ts#setWorkshopDueAction": {
    kind: "action",
    schema: maintenance.SetWorkshopDueInput,
    by: "dealer",
    setup: async (w) => {
      const car = await ownedCar(w, w.dealer.id);
      return { input: { vehicleId: car.vehicle.id, task: "Grote beurt", dueOn: "", dueKm: "60000" }, secrets: car.secrets };
    },
  },
  "lib/maintenance/actions.ts#setOwnerDueAction": {
    kind: "action",
    schema: maintenance.SetOwnerDueInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      return { input: { vehicleId: car.vehicle.id, task: "Kleine beurt", dueOn: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10) }, secrets: car.secrets };
    },
  },

  // ---- lib/messages/actions.ts
  "lib/messages/actions.ts#openMessageAction": {
    kind: "action",
    schema: inbox.MessageIdInput,
    by: "owner",
    setup: ownersMessage,
  },
  "lib/messages/actions.ts#markMessageReadAction": {
    kind: "action",
    schema: inbox.MessageIdInput,
    by: "owner",
    setup: ownersMessage,
  },
  "lib/messages/actions.ts#markAllMessagesReadAction": {
    kind: "action",
    untouched: ownersReadMessages,
    schema: inbox.MarkAllReadInput,
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: it marks the caller's own messages read (the input names no one)",
    setup: async (w) => {
      await ownersMessage(w);
      return { input: {} };
    },
  },

  // ---- lib/contracts/actions.ts
  "lib/contracts/actions.ts#setContractRenewalAction": {
    kind: "action",
    schema: contracts.SetRenewalInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      // Its active contracts renew: turning renewal off is a change.
      return { input: { contractId: car.active[0]!.id, autoRenew: "" }, secrets: car.secrets };
    },
  },

  // ---- owner-invited drivers and the car's face (docs/decisions/0029)
  "lib/drivers/actions.ts#inviteDriverAction": {
    kind: "action",
    schema: drivers.InviteDriverInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      return { input: { vehicleId: car.vehicle.id, email: uniqueEmail("driver"), locale: "nl" }, secrets: car.secrets };
    },
  },
  "lib/drivers/actions.ts#revokeDriverAction": {
    kind: "action",
    schema: drivers.RevokeDriverInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      return { input: { driverId: car.driver.id }, secrets: [...car.secrets, car.driverUser.email, car.driverUser.lastName] };
    },
  },
  "lib/drivers/actions.ts#revokeDriverInvitationAction": {
    kind: "action",
    schema: drivers.RevokeDriverInvitationInput,
    by: "owner",
    setup: async (w) => {
      const i = await driverInvitation(w);
      return { input: { invitationId: i.invitationId }, secrets: [...i.car.secrets, i.email] };
    },
  },
  "lib/drivers/actions.ts#leaveCarAction": {
    kind: "action",
    schema: drivers.LeaveCarInput,
    by: "owner",
    setup: async (w) => {
      // The victim drives another person's car; only they may stop.
      const other = await ownerDrives();
      await db.holding.create({ data: { vehicleId: other.vehicleId, kind: "DRIVER", userId: w.users.owner.id, origin: "INVITATION", viaHoldingId: other.holding.id } });
      return { input: { vehicleId: other.vehicleId }, secrets: other.secrets };
    },
  },
  "lib/drivers/actions.ts#acceptDriverInvitationAction": {
    kind: "action",
    schema: drivers.AcceptDriverInvitationInput,
    by: "owner",
    setup: async (w) => {
      // Another person's car; the invitation is for the victim's address.
      const other = await ownedVehicle();
      const r = await inviteDriver({ actor: await actorFor(other.owner.id), vehicleId: other.vehicle.id, email: w.users.owner.email, locale: "nl" });
      const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: w.users.owner.email, template: "driver-invitation" }, orderBy: { createdAt: "desc" } });
      const token = new URL(String((mail.payload as { url: string }).url)).pathname.split("/").pop()!;
      return { input: { token }, secrets: [other.vehicle.vin, other.vehicle.id, r.invitationId] };
    },
  },
  "lib/drivers/actions.ts#acceptDriverWithNewAccountAction": {
    kind: "action",
    schema: drivers.AcceptDriverWithNewAccountInput,
    by: "anonymous",
    setup: async (w) => {
      const i = await driverInvitation(w);
      return {
        input: { token: i.token, firstName: "Bram", lastName: "Koper", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, locale: "nl" },
        secrets: [...i.car.secrets, i.email, i.car.vehicle.id],
      };
    },
  },
  // ---- buyer report links (docs/decisions/0036)
  "lib/reports/actions.ts#createReportLinkAction": {
    kind: "action",
    schema: reports.CreateReportLinkInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      return { input: { vehicleId: car.vehicle.id, days: "7" }, secrets: car.secrets };
    },
  },
  "lib/reports/actions.ts#revokeReportLinkAction": {
    kind: "action",
    schema: reports.RevokeReportLinkInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      const r = await createReportLink({ actor: await actor(w, "owner"), vehicleId: car.vehicle.id, days: 7, locale: "nl" });
      return { input: { linkId: r.linkId }, secrets: car.secrets };
    },
  },
  "lib/car-face/actions.ts#setCarNameAction": {
    kind: "action",
    schema: carFace.SetCarNameInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      return { input: { vehicleId: car.vehicle.id, name: "De gezinsauto" }, secrets: car.secrets };
    },
  },
  "lib/car-face/actions.ts#removeCarPhotoAction": {
    kind: "action",
    schema: carFace.RemoveCarPhotoInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      await uploadCarPhoto({ actor: await actor(w, "owner"), vehicleId: car.vehicle.id, bytes: await sampleJpeg() });
      return { input: { vehicleId: car.vehicle.id }, secrets: car.secrets };
    },
  },

  // ---- lib/handover/actions.ts (docs/decisions/0034)
  "lib/handover/actions.ts#startHandoverAction": {
    kind: "action",
    schema: handover.StartHandoverInput,
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      const email = uniqueEmail("buyer");
      return {
        input: { vehicleId: car.vehicle.id, buyerName: "Bram Koper", buyerEmail: email, buyerEmailConfirm: email, locale: "nl", soldOn: today().toISOString().slice(0, 10), mileageKm: "20000", move: car.active[0]!.id },
        secrets: car.secrets,
      };
    },
  },
  "lib/handover/actions.ts#withdrawHandoverAction": {
    kind: "action",
    schema: handover.HandoverIdInput,
    by: "owner",
    setup: async (w) => {
      const h = await handoverOf(w);
      return { input: { handoverId: h.handoverId }, secrets: [...h.car.secrets, h.email] };
    },
  },
  "lib/handover/actions.ts#undoHandoverAction": {
    kind: "action",
    schema: handover.HandoverIdInput,
    by: "owner",
    setup: async (w) => {
      const h = await handoverOf(w);
      const buyer = await createUser({ email: h.email });
      await acceptHandover({ actor: await actorFor(buyer.id), token: h.token });
      return { input: { handoverId: h.handoverId }, secrets: [...h.car.secrets, h.email] };
    },
  },
  "lib/handover/actions.ts#acceptHandoverAction": {
    kind: "action",
    schema: handover.HandoverTokenInput,
    by: "owner",
    setup: async (w) => {
      // Another person's car handed over to the victim's address.
      const other = await ownedVehicle();
      const email = w.users.owner.email;
      const r = await startHandover({ actor: await actorFor(other.owner.id), vehicleId: other.vehicle.id, buyerName: "Victim", buyerEmail: email, buyerEmailConfirm: email, locale: "nl", soldOn: today(), mileageKm: 20000, move: [] });
      return { input: { token: r.token }, secrets: [other.vehicle.vin, other.vehicle.id, other.owner.email, r.handoverId] };
    },
  },
  "lib/handover/actions.ts#acceptHandoverWithNewAccountAction": {
    kind: "action",
    schema: handover.AcceptHandoverWithNewAccountInput,
    by: "anonymous",
    setup: async (w) => {
      const h = await handoverOf(w);
      return {
        input: { token: h.token, firstName: "Bram", lastName: "Koper", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD, locale: "nl" },
        secrets: [...h.car.secrets, h.email, h.car.vehicle.id],
      };
    },
  },
  "lib/handover/actions.ts#declineHandoverAction": {
    kind: "action",
    schema: handover.HandoverTokenInput,
    by: "anonymous",
    why: "the e-mailed handover link is the credential for a buyer without an account; signed in, only the addressed account",
    setup: async (w) => {
      const h = await handoverOf(w);
      return { input: { token: h.token }, secrets: [...h.car.secrets, h.email] };
    },
  },
  "lib/handover/actions.ts#acceptOfferedHandoverAction": {
    kind: "action",
    schema: handover.HandoverIdInput,
    by: "owner",
    setup: offeredToVictim,
  },
  "lib/handover/actions.ts#declineOfferedHandoverAction": {
    kind: "action",
    schema: handover.HandoverIdInput,
    by: "owner",
    setup: offeredToVictim,
  },
  "lib/handover/actions.ts#supportUndoHandoverAction": {
    kind: "action",
    schema: handover.SupportUndoHandoverInput,
    by: "support",
    setup: async (w) => {
      // The victim owner's car handed over and opened by the buyer: only support may undo now.
      const h = await handoverOf(w);
      const buyer = await createUser({ email: h.email });
      await acceptHandover({ actor: await actorFor(buyer.id), token: h.token });
      await db.handover.update({ where: { id: h.handoverId }, data: { buyerOpenedAt: new Date() } });
      return { input: { handoverId: h.handoverId, reason: "Verkeerd adres volgens de verkoper" }, secrets: [...h.car.secrets, h.email] };
    },
  },

  // ---- lib/fleet/actions.ts (decision 0030)
  "lib/fleet/actions.ts#requestUnlinkAction": {
    kind: "action",
    schema: fleet.RequestUnlinkInput,
    by: "fleet",
    setup: async (w) => {
      // A car of the first garage linked to its fleet account: only that fleet's members may ask.
      const p = await stockPassport(await garageOf(w), { fleetAccountId: w.garage.fleetId });
      return { input: { passportId: p.passportId, reason: "Verkocht aan een klant" }, secrets: [p.vin, p.plate] };
    },
  },
  "lib/fleet/actions.ts#answerUnlinkAction": {
    kind: "action",
    schema: fleet.AnswerUnlinkInput,
    by: "garage",
    setup: async (w) => {
      const p = await stockPassport(await garageOf(w), { fleetAccountId: w.garage.fleetId });
      const r = await requestUnlink({ actor: await actor(w, "fleet"), passportId: p.passportId, reason: "Verkocht" });
      return { input: { requestId: r.requestId, decision: "approve" }, secrets: [p.vin, p.plate] };
    },
  },

  // ---- route handlers (app/**/route.ts)
  "app/api/account/export/route.ts#GET": {
    kind: "route",
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: the caller's own export (the route takes no id); another owner's rows never in it: tests/integration/privacy.test.ts",
    setup: async () => ({ request: { method: "GET", path: "/api/account/export" } }),
  },
  "app/api/account/export/service-history/route.ts#GET": {
    kind: "route",
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: the caller's own service history as CSV (the route takes no id)",
    setup: async () => ({ request: { method: "GET", path: "/api/account/export/service-history" } }),
  },
  "app/api/unsubscribe/[token]/route.ts#POST": {
    kind: "route",
    by: "anonymous",
    allowed: EVERYONE,
    why: "RFC 8058 one-click unsubscribe: the signed token in the List-Unsubscribe header is the credential",
    untouched: ownersPrivacy,
    setup: async () => {
      const { user, token } = await accountWithConsent("CONFIRMED");
      return {
        request: { method: "POST", path: `/api/unsubscribe/${token}`, params: { token }, body: Buffer.from("List-Unsubscribe=One-Click"), headers: { "content-type": "application/x-www-form-urlencoded" } },
        secrets: [user.email],
      };
    },
  },
  "app/api/reports/[token]/pdf/route.ts#GET": {
    kind: "route",
    by: "anonymous",
    allowed: EVERYONE,
    why: "a buyer report link: the token in the URL is the credential (docs/decisions/0036); the report names nobody: tests/integration/buyer-report.test.ts",
    setup: async (w) => {
      const car = await ownedCar(w);
      const r = await createReportLink({ actor: await actor(w, "owner"), vehicleId: car.vehicle.id, days: 7, locale: "nl" });
      const token = new URL(r.url).pathname.split("/").pop()!;
      return { request: { method: "GET", path: `/api/reports/${token}/pdf?locale=nl`, params: { token } }, secrets: ownerSecrets(w) };
    },
  },
  "app/api/garage/vehicles/[id]/photo/route.ts#GET": {
    kind: "route",
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      await uploadCarPhoto({ actor: await actor(w, "owner"), vehicleId: car.vehicle.id, bytes: await sampleJpeg() });
      return { request: { method: "GET", path: `/api/garage/vehicles/${car.vehicle.id}/photo`, params: { id: car.vehicle.id } }, secrets: car.secrets };
    },
  },
  "app/api/garage/vehicles/[id]/photo/route.ts#POST": {
    kind: "route",
    by: "owner",
    setup: async (w) => {
      const car = await ownedCar(w);
      return {
        request: { method: "POST", path: `/api/garage/vehicles/${car.vehicle.id}/photo?locale=nl`, params: { id: car.vehicle.id }, body: await sampleJpeg(), headers: { "content-type": "image/jpeg" } },
        secrets: car.secrets,
      };
    },
  },
  "app/api/verification/uploads/route.ts#POST": {
    kind: "route",
    by: "owner",
    allowed: SIGNED_IN,
    why: "self-service: every signed-in person may upload a document for a request of their own",
    setup: async () => ({ request: { method: "POST", path: "/api/verification/uploads?kind=ID_FRONT&locale=nl", body: await sampleJpeg(), headers: { "content-type": "image/jpeg" } } }),
  },
  "app/api/verification/documents/[id]/route.ts#GET": {
    kind: "route",
    by: "support",
    setup: async (w) => {
      const r = await ownersRequest(w, "support");
      const doc = await db.verificationDocument.findFirstOrThrow({ where: { requestId: r.requestId } });
      return { request: { method: "GET", path: `/api/verification/documents/${doc.id}`, params: { id: doc.id } }, secrets: r.secrets };
    },
  },
  "app/api/verification/disputes/[id]/documents/[documentId]/route.ts#GET": {
    kind: "route",
    by: "support",
    setup: async (w) => {
      const d = await ownersDisputedCar(w, true);
      const doc = await db.disputeDocument.findFirstOrThrow({ where: { disputeId: d.disputeId } });
      return { request: { method: "GET", path: `/api/verification/disputes/${d.disputeId}/documents/${doc.id}`, params: { id: d.disputeId, documentId: doc.id } }, secrets: d.secrets };
    },
  },
  "app/api/dossier/attachments/[id]/route.ts#GET": {
    kind: "route",
    by: "dealer",
    allowed: ["owner"],
    why: "the owner held the car when the dealer recorded the entry: the holder at the time reads its invoice",
    setup: async (w) => {
      const car = await ownedCar(w, w.dealer.id);
      const e = await recordWorkshopEntry({
        actor: await actor(w, "dealer"),
        vehicleId: car.vehicle.id,
        kind: "SERVICE",
        performedOn: new Date(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)),
        mileageKm: 10_000,
        description: "Jaarlijkse beurt",
        lines: [],
        attachment: { bytes: await samplePdf(), name: "factuur.pdf" },
      });
      const a = await db.serviceAttachment.findFirstOrThrow({ where: { serviceRecordId: e.entryId } });
      return { request: { method: "GET", path: `/api/dossier/attachments/${a.id}`, params: { id: a.id } }, secrets: car.secrets };
    },
  },
  "app/api/home/route.ts#GET": {
    kind: "route",
    by: "anonymous",
    allowed: EVERYONE,
    why: "a redirect: signed in, to the caller's own home; otherwise back to a prerendered signed-out page (decision 0041). It shows nobody's data",
    setup: async () => ({ request: { method: "GET", path: "/api/home?to=%2Fnl%2Fsign-in" } }),
  },
  "app/api/health/route.ts#GET": {
    kind: "route",
    by: "anonymous",
    allowed: EVERYONE,
    why: "public: says whether the database answers, nothing else",
    setup: async () => ({ request: { method: "GET", path: "/api/health" } }),
  },
  "app/api/ready/route.ts#GET": {
    kind: "route",
    by: "anonymous",
    allowed: EVERYONE,
    why: "public, for a load balancer: says whether the database, the migrations and the document storage are ready, nothing else",
    setup: async () => ({ request: { method: "GET", path: "/api/ready" } }),
  },
  "app/api/auth/[...nextauth]/route.ts#GET": {
    kind: "route",
    by: "owner",
    allowed: EVERYONE,
    why: "next-auth's own endpoints: each caller reads only their own session (the JWT names a session row)",
    setup: async () => ({ request: { method: "GET", path: "/api/auth/session", params: { nextauth: ["session"] } } }),
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    kind: "route",
    by: null,
    allowed: EVERYONE,
    why: "next-auth's own endpoints: a post without the caller's CSRF token is refused for everyone (the sign-in flow is proven in next-auth.test.ts)",
    setup: async (w) => ({
      request: {
        method: "POST",
        path: "/api/auth/callback/credentials",
        params: { nextauth: ["callback", "credentials"] },
        body: Buffer.from(new URLSearchParams({ email: w.users.owner.email, password: "not-the-password" }).toString()),
        headers: { "content-type": "application/x-www-form-urlencoded" },
      },
    }),
  },
  ...Object.fromEntries(
    ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].map((method) => [
      `app/api/[...path]/route.ts#${method}`,
      {
        kind: "route",
        by: null,
        setup: async () => ({ request: { method, path: "/api/no-such-route", params: { path: ["no-such-route"] } } }),
      } satisfies RouteEntry,
    ]),
  ),
};
