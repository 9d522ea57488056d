import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** 30 days before a contract ends: whether it renews, and where to change that. Texts: emails.contract-ending in messages/<locale>/inbox.json. */
export function ContractEndingEmail({ frame, text, payload }: EmailProps<"contract-ending">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{payload.renews ? text("renews") : text("ends")}</Paragraph>
    </EmailLayout>
  );
}
