/** The e-mails of a claim on a car another owner holds (docs/decisions/0035). Texts: emails.dispute-* in messages/<locale>/dispute.json. */
import { Button } from "@react-email/button";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import { EmailLayout, Paragraph, type EmailProps } from "../layout";

const firstButton = { backgroundColor: "#1d4ed8", color: "#ffffff", border: "1px solid #1d4ed8", fontSize: "15px", padding: "9px 17px", borderRadius: "6px", textDecoration: "none" };
const secondButton = { backgroundColor: "#ffffff", color: "#1d4ed8", border: "1px solid #1d4ed8", fontSize: "15px", padding: "9px 17px", borderRadius: "6px", textDecoration: "none" };

/**
 * To the holder: someone claims the car with a registration certificate in their name. Two
 * buttons, "I sold it, release the car" and "This is still my car", both to the signed-in
 * dispute page (the links carry only its id); no answer by the date counts as a release.
 */
export function DisputeOpenedEmail({ frame, text, payload }: EmailProps<"dispute-opened">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
      <AnswerButton label={text("release")} url={payload.releaseUrl} style={firstButton} />
      <AnswerButton label={text("contest")} url={payload.contestUrl} style={secondButton} />
    </EmailLayout>
  );
}

/** One of the two answers: a button, and its address for clients that show no buttons (the text part reads "<label>: <url>"). */
function AnswerButton({ label, url, style }: { label: string; url: string; style: typeof firstButton }) {
  return (
    <>
      <Section style={{ padding: "8px 0 0" }}>
        <Button href={url} style={style} data-action>
          {label}
        </Button>
      </Section>
      <Text style={{ fontSize: "13px", lineHeight: "1.5", color: "#52525b", wordBreak: "break-all" }} data-skip-in-text>
        {url}
      </Text>
    </>
  );
}

/** To the claimant: the car is claimed by another owner; we asked them. Never who. */
export function DisputePendingEmail({ frame, text, payload }: EmailProps<"dispute-pending">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}

/** To either party when the dispute is settled. */
export function DisputeClosedEmail({ frame, text, payload }: EmailProps<"dispute-closed">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}
