import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** Self-registration not reviewed within 30 days: closed. Texts: emails.verification-expired in messages/<locale>/verification.json. */
export function VerificationExpiredEmail({ frame, text, payload }: EmailProps<"verification-expired">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
