import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To a buyer without an account: set a password and the car is theirs. Texts: emails.passport-transfer-new in messages/<locale>/passports.json. */
export function PassportTransferNewEmail({ frame, text, payload }: EmailProps<"passport-transfer-new">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
