import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the workshop's staff: an owner asks for an appointment at one of the preferred times. Texts: emails.appointment-requested in messages/<locale>/appointments.json. */
export function AppointmentRequestedEmail({ frame, text, payload }: EmailProps<"appointment-requested">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
