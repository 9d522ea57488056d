import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the fleet manager who asked: the garage approved (the car is unlinked) or declined, with its reason. Texts: emails.fleet-unlink-answered in messages/<locale>/fleet.json. */
export function FleetUnlinkAnsweredEmail({ frame, text, payload }: EmailProps<"fleet-unlink-answered">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
