import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** A contract without automatic renewal reached its end. Texts: emails.contract-ended in messages/<locale>/inbox.json. */
export function ContractEndedEmail({ frame, text, payload }: EmailProps<"contract-ended">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}
