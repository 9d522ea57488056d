import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/** Added as a member of an organisation. Texts: emails.member-added in messages/<locale>/core.json. */
export function MemberAddedEmail({ frame, text, payload }: EmailProps<"member-added">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}
