import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the staff member who confirmed the transfer: the buyer declined. Texts: emails.passport-transfer-declined in messages/<locale>/passports.json. */
export function PassportTransferDeclinedEmail({ frame, text, payload }: EmailProps<"passport-transfer-declined">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
