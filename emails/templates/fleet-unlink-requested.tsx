import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** To the garage's staff: a fleet manager asks to unlink a car from the fleet account. Texts: emails.fleet-unlink-requested in messages/<locale>/fleet.json. */
export function FleetUnlinkRequestedEmail({ frame, text, payload }: EmailProps<"fleet-unlink-requested">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
