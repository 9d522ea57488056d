import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** Sign-up: confirm the address to activate the new account. Texts: emails.activation in messages/<locale>/core.json. */
export function ActivationEmail({ frame, text, payload }: EmailProps<"activation">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
