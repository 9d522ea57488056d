import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the buyer a dealer registered: add the car to the garage (no account needed yet). Texts: emails.invitation in messages/<locale>/linking.json. */
export function InvitationEmail({ frame, text, payload }: EmailProps<"invitation">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
