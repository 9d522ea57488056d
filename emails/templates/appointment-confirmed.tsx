import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the owner: the workshop confirmed the appointment; carries a calendar file. Texts: emails.appointment-confirmed in messages/<locale>/appointments.json. */
export function AppointmentConfirmedEmail({ frame, text, payload }: EmailProps<"appointment-confirmed">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
