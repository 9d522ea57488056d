import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** A recall campaign applies to the owner's car. Texts: emails.recall-opened in messages/<locale>/recalls.json. */
export function RecallOpenedEmail({ frame, text, payload }: EmailProps<"recall-opened">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}
