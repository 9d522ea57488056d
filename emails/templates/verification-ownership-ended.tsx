import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the previous owner when a self-registration registered the car to a new owner. Texts: emails.verification-ownership-ended in messages/<locale>/verification.json. */
export function VerificationOwnershipEndedEmail({ frame, text }: EmailProps<"verification-ownership-ended">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
