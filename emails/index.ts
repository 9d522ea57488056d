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
import { VerificationApprovedEmail } from "./templates/verification-approved";
import { VerificationRejectedEmail } from "./templates/verification-rejected";
import { VerificationExpiredEmail } from "./templates/verification-expired";
import { VerificationOwnershipEndedEmail } from "./templates/verification-ownership-ended";

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
  "verification-approved": VerificationApprovedEmail,
  "verification-rejected": VerificationRejectedEmail,
  "verification-expired": VerificationExpiredEmail,
  "verification-ownership-ended": VerificationOwnershipEndedEmail,
};

/** The footers: why the recipient gets the e-mail (messages `emails.footer*`). */
export type FooterKey = "footer" | "footerSignUp" | "footerInvitation" | "footerTransfer";

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
  // Withdrawn: to an active account (named) or to a buyer who never activated one (no name).
  "passport-transfer-withdrawn": (p) => (p.name ? "footer" : "footerTransfer"),
};

/** Which footer a template's e-mail ends with, for this payload. */
export function footerKeyFor<N extends TemplateName>(name: N, payload: EmailPayloads[N]): FooterKey {
  const pick = FOOTERS[name] as ((p: EmailPayloads[N]) => FooterKey) | undefined;
  return pick ? pick(payload) : "footer";
}

export function isTemplate(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Values = Record<string, string | number>;

export async function renderEmail<N extends TemplateName>(name: N, locale: string, payload: EmailPayloads[N]): Promise<RenderedEmail> {
  const { locale: lang, messages } = messagesFor(locale);
  // Keys are built from the template name here; the components' keys are checked by MailText.
  const t = createTranslator({ locale: lang, messages, namespace: "emails", formats, timeZone: TIME_ZONE }) as unknown as (key: string, values?: Values) => string;
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
  return { subject: frame.subject, text: toPlainText(html, PLAIN_TEXT), html };
}
