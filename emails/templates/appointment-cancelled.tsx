import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the workshop's staff: the owner cancelled the appointment. Texts: emails.appointment-cancelled in messages/<locale>/appointments.json. */
export function AppointmentCancelledEmail({ frame, text, payload }: EmailProps<"appointment-cancelled">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}
