import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the buyer when the garage withdraws a pending transfer: the link no longer works. Texts: emails.passport-transfer-withdrawn in messages/<locale>/passports.json. */
export function PassportTransferWithdrawnEmail({ frame, text }: EmailProps<"passport-transfer-withdrawn">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
