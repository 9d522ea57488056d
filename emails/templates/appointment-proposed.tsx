import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the owner: the workshop proposes another time, to accept or cancel. Texts: emails.appointment-proposed in messages/<locale>/appointments.json. */
export function AppointmentProposedEmail({ frame, text, payload }: EmailProps<"appointment-proposed">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
