import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the workshop's staff: the owner accepted the proposed time; carries a calendar file. Texts: emails.appointment-accepted in messages/<locale>/appointments.json. */
export function AppointmentAcceptedEmail({ frame, text, payload }: EmailProps<"appointment-accepted">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
