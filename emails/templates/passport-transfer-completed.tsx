import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the buyer once the car is in their garage. Texts: emails.passport-transfer-completed in messages/<locale>/passports.json. */
export function PassportTransferCompletedEmail({ frame, text, payload }: EmailProps<"passport-transfer-completed">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
