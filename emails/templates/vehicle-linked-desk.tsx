import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** A dealer checked the owner's documents at the desk and linked the car. Texts: emails.vehicle-linked-desk in messages/<locale>/linking.json. */
export function VehicleLinkedDeskEmail({ frame, text, payload }: EmailProps<"vehicle-linked-desk">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
