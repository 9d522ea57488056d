import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** An owner invites someone to drive their car (docs/decisions/0029). Texts: emails.driver-invitation in messages/<locale>/drivers.json. */
export function DriverInvitationEmail({ frame, text, payload }: EmailProps<"driver-invitation">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
