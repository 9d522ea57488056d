import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** A dealer linked an owner's car to their account again. Texts: emails.vehicle-relinked in messages/<locale>/linking.json. */
export function VehicleRelinkedEmail({ frame, text }: EmailProps<"vehicle-relinked">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}
