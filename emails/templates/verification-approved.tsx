import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** Self-registration approved: the car is in the garage. Texts: emails.verification-approved in messages/<locale>/verification.json. */
export function VerificationApprovedEmail({ frame, text, payload }: EmailProps<"verification-approved">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
