import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** A dealer marked the owner's (or driver's) car as disconnected from their account. Texts: emails.vehicle-disconnected in messages/<locale>/linking.json. */
export function VehicleDisconnectedEmail({ frame, text, payload }: EmailProps<"vehicle-disconnected">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
