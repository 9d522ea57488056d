import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To a buyer with an account: add the car (or decline). Texts: emails.passport-transfer-offer in messages/<locale>/passports.json. */
export function PassportTransferOfferEmail({ frame, text, payload }: EmailProps<"passport-transfer-offer">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
