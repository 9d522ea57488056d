import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** Every session of the account was ended. Texts: emails.signed-out-everywhere in messages/<locale>/core.json. */
export function SignedOutEverywhereEmail({ frame, text }: EmailProps<"signed-out-everywhere">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
