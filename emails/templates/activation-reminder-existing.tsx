import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** Sign-up with an address that already has an active account: sign in instead. Texts: emails.activation-reminder-existing in messages/<locale>/core.json. */
export function ActivationReminderExistingEmail({ frame, text, payload }: EmailProps<"activation-reminder-existing">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
