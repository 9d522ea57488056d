import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** A requested password reset, with its one-time link. Texts: emails.password-reset in messages/<locale>/core.json. */
export function PasswordResetEmail({ frame, text, payload }: EmailProps<"password-reset">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
