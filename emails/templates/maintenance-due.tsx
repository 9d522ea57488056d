import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/**
 * The owner's car is due for service in 30 days or within 1,000 km, with the one-click "I sold
 * this car" link. Texts: emails.maintenance-due in messages/<locale>/recalls.json.
 */
export function MaintenanceDueEmail({ frame, text, payload }: EmailProps<"maintenance-due">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
