import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the previous owner when a dealer registered the car to a new owner. Texts: emails.ownership-ended in messages/<locale>/linking.json. */
export function OwnershipEndedEmail({ frame, text }: EmailProps<"ownership-ended">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
