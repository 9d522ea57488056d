import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** The invited car is in the buyer's garage and its included contracts started. Texts: emails.vehicle-linked in messages/<locale>/linking.json. */
export function VehicleLinkedEmail({ frame, text, payload }: EmailProps<"vehicle-linked">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
