import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the owner: the workshop declined the request, with its reason. Texts: emails.appointment-declined in messages/<locale>/appointments.json. */
export function AppointmentDeclinedEmail({ frame, text, payload }: EmailProps<"appointment-declined">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
