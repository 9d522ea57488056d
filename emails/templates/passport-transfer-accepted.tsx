import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the staff member who confirmed the transfer: the buyer accepted. Texts: emails.passport-transfer-accepted in messages/<locale>/passports.json. */
export function PassportTransferAcceptedEmail({ frame, text, payload }: EmailProps<"passport-transfer-accepted">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}
