import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** A contract renewed automatically for another term. Texts: emails.contract-renewed in messages/<locale>/inbox.json. */
export function ContractRenewedEmail({ frame, text, payload }: EmailProps<"contract-renewed">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}
