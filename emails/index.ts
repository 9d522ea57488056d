/**
 * E-mail templates: one React Email component per template (emails/templates/<name>.tsx), all in
 * the shared layout (emails/layout.tsx). Their texts stay in the message files (namespace
 * `emails.<name>` in messages/<locale>/*.json); the recipient's language picks the folder.
 * renderEmail gives the subject and both parts, HTML and plain text, from one rendering.
 */
import { createElement, type ComponentType } from "react";
import { render, toPlainText } from "@react-email/render";
import { createTranslator } from "use-intl/core";
import { formats, TIME_ZONE } from "../i18n/formats";
import type { Locale } from "../generated/prisma/enums";
import { messagesFor } from "../i18n/messages";
import { PLAIN_TEXT, type EmailProps, type MailFrame, type MailText } from "./layout";
import type { EmailPayloads, TemplateName } from "./payloads";
import { ActivationEmail } from "./templates/activation";
import { ActivationReminderExistingEmail } from "./templates/activation-reminder-existing";
import { PasswordResetEmail } from "./templates/password-reset";
import { PasswordChangedEmail } from "./templates/password-changed";
import { SignedOutEverywhereEmail } from "./templates/signed-out-everywhere";
import { MemberAddedEmail } from "./templates/member-added";
import { InvitationEmail } from "./templates/invitation";
import { VehicleLinkedEmail } from "./templates/vehicle-linked";
import { VehicleLinkedDeskEmail } from "./templates/vehicle-linked-desk";
import { OwnershipEndedEmail } from "./templates/ownership-ended";
import { VehicleRemovedEmail } from "./templates/vehicle-removed";
import { VehicleRelinkedEmail } from "./templates/vehicle-relinked";
import { VehicleDisconnectedEmail } from "./templates/vehicle-disconnected";
import { PassportTransferNewEmail } from "./templates/passport-transfer-new";
import { PassportTransferOfferEmail } from "./templates/passport-transfer-offer";
import { PassportTransferCompletedEmail } from "./templates/passport-transfer-completed";
import { PassportTransferAcceptedEmail } from "./templates/passport-transfer-accepted";
import { PassportTransferDeclinedEmail } from "./templates/passport-transfer-declined";
import { PassportTransferWithdrawnEmail } from "./templates/passport-transfer-withdrawn";
import { FleetUnlinkRequestedEmail } from "./templates/fleet-unlink-requested";
import { FleetUnlinkAnsweredEmail } from "./templates/fleet-unlink-answered";
import { VerificationApprovedEmail } from "./templates/verification-approved";
import { VerificationRejectedEmail } from "./templates/verification-rejected";
import { VerificationExpiredEmail } from "./templates/verification-expired";
import { VerificationOwnershipEndedEmail } from "./templates/verification-ownership-ended";
import { DisputeClosedEmail, DisputeOpenedEmail, DisputePendingEmail } from "./templates/dispute";
import { AppointmentRequestedEmail } from "./templates/appointment-requested";
import { AppointmentConfirmedEmail } from "./templates/appointment-confirmed";
import { AppointmentProposedEmail } from "./templates/appointment-proposed";
import { AppointmentDeclinedEmail } from "./templates/appointment-declined";
import { AppointmentAcceptedEmail } from "./templates/appointment-accepted";
import { AppointmentCancelledEmail } from "./templates/appointment-cancelled";
import { calendarFile, type MailAttachment } from "./calendar";
import { RecallOpenedEmail } from "./templates/recall-opened";
import { MaintenanceDueEmail } from "./templates/maintenance-due";
import { ContractEndingEmail } from "./templates/contract-ending";
import { ContractRenewedEmail } from "./templates/contract-renewed";
import { ContractEndedEmail } from "./templates/contract-ended";
import { DriverInvitationEmail } from "./templates/driver-invitation";
import { DriverAccessEndedEmail } from "./templates/driver-access-ended";
import {
  HandoverAcceptedEmail,
  HandoverCompletedEmail,
  HandoverDeclinedEmail,
  HandoverOfferEmail,
  HandoverUndoneEmail,
  HandoverUndoneSellerEmail,
  HandoverUndoneSupportEmail,
  HandoverUndoneSupportSellerEmail,
  HandoverWithdrawnEmail,
} from "./templates/handover";
import { AccountErasedEmail, ConsentConfirmEmail, ConsentWelcomeEmail, EmailChangeConfirmEmail, EmailChangeNoticeEmail, NewsletterEmail } from "./templates/privacy";

export type { EmailPayloads, TemplateName } from "./payloads";

/** A recipient's language (the account's, as stored: nl, nl_BE, en, fr); renderEmail reads its message files. */
export type EmailLocale = Locale;

/** Every template by name; the type makes each component take its own template's payload. */
export const TEMPLATES: { readonly [N in TemplateName]: ComponentType<EmailProps<N>> } = {
  activation: ActivationEmail,
  "activation-reminder-existing": ActivationReminderExistingEmail,
  "password-reset": PasswordResetEmail,
  "password-changed": PasswordChangedEmail,
  "signed-out-everywhere": SignedOutEverywhereEmail,
  "member-added": MemberAddedEmail,
  invitation: InvitationEmail,
  "vehicle-linked": VehicleLinkedEmail,
  "vehicle-linked-desk": VehicleLinkedDeskEmail,
  "ownership-ended": OwnershipEndedEmail,
  "vehicle-removed": VehicleRemovedEmail,
  "vehicle-relinked": VehicleRelinkedEmail,
  "vehicle-disconnected": VehicleDisconnectedEmail,
  "passport-transfer-new": PassportTransferNewEmail,
  "passport-transfer-offer": PassportTransferOfferEmail,
  "passport-transfer-completed": PassportTransferCompletedEmail,
  "passport-transfer-accepted": PassportTransferAcceptedEmail,
  "passport-transfer-declined": PassportTransferDeclinedEmail,
  "passport-transfer-withdrawn": PassportTransferWithdrawnEmail,
  "fleet-unlink-requested": FleetUnlinkRequestedEmail,
  "fleet-unlink-answered": FleetUnlinkAnsweredEmail,
  "verification-approved": VerificationApprovedEmail,
  "verification-rejected": VerificationRejectedEmail,
  "verification-expired": VerificationExpiredEmail,
  "verification-ownership-ended": VerificationOwnershipEndedEmail,
  "dispute-opened": DisputeOpenedEmail,
  "dispute-pending": DisputePendingEmail,
  "dispute-closed": DisputeClosedEmail,
  "appointment-requested": AppointmentRequestedEmail,
  "appointment-confirmed": AppointmentConfirmedEmail,
  "appointment-proposed": AppointmentProposedEmail,
  "appointment-declined": AppointmentDeclinedEmail,
  "appointment-accepted": AppointmentAcceptedEmail,
  "appointment-cancelled": AppointmentCancelledEmail,
  "recall-opened": RecallOpenedEmail,
  "maintenance-due": MaintenanceDueEmail,
  "contract-ending": ContractEndingEmail,
  "contract-renewed": ContractRenewedEmail,
  "contract-ended": ContractEndedEmail,
  "driver-invitation": DriverInvitationEmail,
  "driver-access-ended": DriverAccessEndedEmail,
  "email-change-confirm": EmailChangeConfirmEmail,
  "email-change-notice": EmailChangeNoticeEmail,
  "consent-confirm": ConsentConfirmEmail,
  "consent-welcome": ConsentWelcomeEmail,
  newsletter: NewsletterEmail,
  "account-erased": AccountErasedEmail,
  "handover-offer": HandoverOfferEmail,
  "handover-withdrawn": HandoverWithdrawnEmail,
  "handover-accepted": HandoverAcceptedEmail,
  "handover-declined": HandoverDeclinedEmail,
  "handover-completed": HandoverCompletedEmail,
  "handover-undone": HandoverUndoneEmail,
  "handover-undone-seller": HandoverUndoneSellerEmail,
  "handover-undone-support": HandoverUndoneSupportEmail,
  "handover-undone-support-seller": HandoverUndoneSupportSellerEmail,
};

/** The footers: why the recipient gets the e-mail (messages `emails.footer*`). */
export type FooterKey = "footer" | "footerSignUp" | "footerInvitation" | "footerTransfer" | "footerDriverInvitation" | "footerHandover";

/**
 * E-mails that can reach an address without an account must not end "because of your account":
 * their footer says who gave us the address. Every other template uses the account footer.
 */
const FOOTERS: { readonly [N in TemplateName]?: (payload: EmailPayloads[N]) => FooterKey } = {
  // A sign-up, a request for a new link, or support resending one: the account is not active yet.
  activation: () => "footerSignUp",
  // To a buyer who may have no account.
  invitation: () => "footerInvitation",
  // To a buyer for whom the transfer made an account they have not activated.
  "passport-transfer-new": () => "footerTransfer",
  // To an address a car's owner typed, which may have no account.
  "driver-invitation": () => "footerDriverInvitation",
  // Withdrawn: to an active account (named) or to a buyer who never activated one (no name).
  "passport-transfer-withdrawn": (p) => (p.name ? "footer" : "footerTransfer"),
  // To the address a car's seller typed, which may have no account (docs/decisions/0034).
  "handover-offer": () => "footerHandover",
  "handover-withdrawn": () => "footerHandover",
};

/** Which footer a template's e-mail ends with, for this payload. */
export function footerKeyFor<N extends TemplateName>(name: N, payload: EmailPayloads[N]): FooterKey {
  const pick = FOOTERS[name] as ((p: EmailPayloads[N]) => FooterKey) | undefined;
  return pick ? pick(payload) : "footer";
}

export function isTemplate(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

export type { MailAttachment } from "./calendar";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** Files the e-mail carries, built from the payload when rendering (the outbox row stays the source). */
  attachments: MailAttachment[];
}

type Values = Record<string, string | number>;
type Translate = (key: string, values?: Values) => string;

/** One hour: what a workshop appointment takes in the owner's calendar unless the workshop says otherwise. */
const APPOINTMENT_MINUTES = 60;

/** A confirmed appointment's calendar file, its texts from `emails.<template>.icsTitle` / `.icsDescription`. */
function appointmentCalendar(name: TemplateName, t: Translate, p: EmailPayloads["appointment-confirmed" | "appointment-accepted"]): MailAttachment[] {
  const values = p as unknown as Values;
  return [
    calendarFile({
      id: p.appointmentId,
      startsAt: p.startsAt,
      minutes: APPOINTMENT_MINUTES,
      title: t(`${name}.icsTitle`, values),
      description: t(`${name}.icsDescription`, values),
      location: p.location,
    }),
  ];
}

/** Templates whose e-mail carries files, and how the payload makes them. */
const ATTACHMENTS: { readonly [N in TemplateName]?: (t: Translate, payload: EmailPayloads[N]) => MailAttachment[] } = {
  "appointment-confirmed": (t, p) => appointmentCalendar("appointment-confirmed", t, p),
  "appointment-accepted": (t, p) => appointmentCalendar("appointment-accepted", t, p),
};

export async function renderEmail<N extends TemplateName>(name: N, locale: string, payload: EmailPayloads[N]): Promise<RenderedEmail> {
  const { locale: lang, messages } = messagesFor(locale);
  // Keys are built from the template name here; the components' keys are checked by MailText.
  const t = createTranslator({ locale: lang, messages, namespace: "emails", formats, timeZone: TIME_ZONE }) as unknown as Translate;
  const values = payload as Values;
  const frame: MailFrame = {
    lang,
    subject: t(`${name}.subject`, values),
    greeting: values.name ? t("greetingNamed", values) : t("greeting", values),
    footer: t(footerKeyFor(name, payload), values),
  };
  const text: MailText<N> = (key) => t(`${name}.${key}`, values);
  const Template: ComponentType<EmailProps<N>> = TEMPLATES[name];
  const html = await render(createElement(Template, { payload, text, frame }));
  const attach = ATTACHMENTS[name] as ((t: Translate, p: EmailPayloads[N]) => MailAttachment[]) | undefined;
  return { subject: frame.subject, text: toPlainText(html, PLAIN_TEXT), html, attachments: attach ? attach(t, payload) : [] };
}
