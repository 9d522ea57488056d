import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** Self-registration rejected, with the reason and the reviewer's note. Texts: emails.verification-rejected in messages/<locale>/verification.json. */
export function VerificationRejectedEmail({ frame, text, payload }: EmailProps<"verification-rejected">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
