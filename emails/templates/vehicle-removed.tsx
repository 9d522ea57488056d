import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** Confirmation of removing a car: what was cancelled, and which drivers lost access (only when some did). Texts: emails.vehicle-removed in messages/<locale>/linking.json. */
export function VehicleRemovedEmail({ frame, text }: EmailProps<"vehicle-removed">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
