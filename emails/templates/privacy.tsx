/** The privacy e-mails (docs/decisions/0031). Texts: emails.<template> in messages/<locale>/privacy.json. */
import { Text } from "@react-email/text";
import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the new address of an e-mail change: the link that makes it. */
export function EmailChangeConfirmEmail({ frame, text, payload }: EmailProps<"email-change-confirm">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}

/** To the old address: a change was asked for; "this was not me" stops it and ends every session. */
export function EmailChangeNoticeEmail({ frame, text, payload }: EmailProps<"email-change-notice">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}

/** Double opt-in: nothing is on until this link is followed. */
export function ConsentConfirmEmail({ frame, text, payload }: EmailProps<"consent-confirm">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}

/** The unsubscribe line every marketing e-mail ends with (the text part reads "<label>: <url>"). */
function Unsubscribe({ label, url }: { label: string; url: string }) {
  return (
    <Text style={{ fontSize: "13px", lineHeight: "1.5", color: "#52525b" }}>
      <a href={url} data-action style={{ color: "#1d4ed8" }}>
        {label}
      </a>
    </Text>
  );
}

export function ConsentWelcomeEmail({ frame, text, payload }: EmailProps<"consent-welcome">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Unsubscribe label={text("unsubscribe")} url={payload.unsubscribeUrl} />
    </EmailLayout>
  );
}

export function NewsletterEmail({ frame, text, payload }: EmailProps<"newsletter">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Unsubscribe label={text("unsubscribe")} url={payload.unsubscribeUrl} />
    </EmailLayout>
  );
}

/** The account was erased: what happened, and that the address may sign up afresh. */
export function AccountErasedEmail({ frame, text }: EmailProps<"account-erased">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
