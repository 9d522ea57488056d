import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** The password was changed and other sessions were ended. Texts: emails.password-changed in messages/<locale>/core.json. */
export function PasswordChangedEmail({ frame, text }: EmailProps<"password-changed">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
