import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** A driver's access to a car ended: the owner revoked it, removed the car, or the car changed hands. Texts: emails.driver-access-ended in messages/<locale>/drivers.json. */
export function DriverAccessEndedEmail({ frame, text, payload }: EmailProps<"driver-access-ended">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
