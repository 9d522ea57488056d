/**
 * The one layout every e-mail shares, as React Email components: the HTML part is rendered from it
 * and the plain-text part is derived from that HTML (`PLAIN_TEXT`), so both always say the same.
 * Every value goes through React, which escapes it; nothing here sets raw HTML.
 *
 * E-mail components call no hooks: in the Next server they may be bundled with a different React
 * build than the renderer's (see docs/decisions/0012-email-rendering.md).
 */
import type { CSSProperties, ReactNode } from "react";
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { Messages } from "../i18n/messages";
import type { EmailPayloads, TemplateName } from "./payloads";

/** A message of the template (emails.<template>.<key>), its placeholders filled from the payload. */
export type MailText<N extends TemplateName> = (key: Exclude<keyof Messages["emails"][N], "subject"> & string) => string;

/** The parts every e-mail has, in the recipient's language. */
export type MailFrame = { lang: string; subject: string; greeting: string; footer: string };

/** What a template component gets. */
export type EmailProps<N extends TemplateName> = { payload: EmailPayloads[N]; text: MailText<N>; frame: MailFrame };

const font = "system-ui,-apple-system,'Segoe UI',Roboto,sans-serif";
const s = {
  body: { margin: 0, padding: "24px", backgroundColor: "#f4f4f5", fontFamily: font, color: "#18181b" },
  card: { maxWidth: "560px", backgroundColor: "#ffffff", borderRadius: "8px", padding: "32px" },
  brand: { fontSize: "18px", fontWeight: 600, lineHeight: "24px", marginTop: 0, marginBottom: "16px" },
  paragraph: { fontSize: "15px", lineHeight: "1.6", marginTop: "0", marginBottom: "15px" },
  button: {
    backgroundColor: "#1d4ed8",
    color: "#ffffff",
    fontSize: "15px",
    padding: "10px 18px",
    borderRadius: "6px",
    textDecoration: "none",
  },
  url: { fontSize: "13px", lineHeight: "1.5", color: "#52525b", wordBreak: "break-all" },
  rule: { borderTop: "1px solid #e4e4e7", marginTop: "24px", marginBottom: "16px" },
  footer: { fontSize: "12px", lineHeight: "1.5", color: "#71717a", margin: 0 },
} satisfies Record<string, CSSProperties>;

/** A paragraph; one whose text came out empty (e.g. a plural's "=0 {}" branch) is left out. */
export function Paragraph({ children }: { children: string }) {
  return children.trim() === "" ? null : <Text style={s.paragraph}>{children}</Text>;
}

export function EmailLayout({ frame, action, children }: { frame: MailFrame; action?: { label: string; url: string }; children: ReactNode }) {
  return (
    <Html lang={frame.lang}>
      <Head>
        <meta name="color-scheme" content="light" />
        <title>{frame.subject}</title>
      </Head>
      <Body style={s.body}>
        <Container style={s.card}>
          <Text style={s.brand} data-skip-in-text>
            Autodossier
          </Text>
          <Text style={s.paragraph}>{frame.greeting}</Text>
          {children}
          {action ? (
            <>
              <Section style={{ padding: "8px 0" }}>
                <Button href={action.url} style={s.button} data-action>
                  {action.label}
                </Button>
              </Section>
              {/* For clients that do not show the button; the text part has the link with its label already. */}
              <Text style={s.url} data-skip-in-text>
                {action.url}
              </Text>
            </>
          ) : null}
          <Hr style={s.rule} />
          <Text style={s.footer} data-footer>
            {frame.footer}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The few parts of html-to-text's formatter API (used by @react-email/render's toPlainText) needed below. */
interface TextBuilder {
  addLiteral(text: string): void;
  openBlock(options: { leadingLineBreaks: number }): void;
  closeBlock(options: { trailingLineBreaks: number }): void;
}
type Formatter = (elem: { attribs: Record<string, string>; children: unknown[] }, walk: (nodes: unknown[], builder: TextBuilder) => void, builder: TextBuilder) => void;

/**
 * Options for the plain-text part (html-to-text, through @react-email/render's toPlainText): no
 * line wrapping; the action reads "<label>: <url>"; the rule above the footer is the usual "-- "
 * signature separator. Elements marked data-skip-in-text (the brand line, the bare URL) are left out.
 */
export const PLAIN_TEXT = {
  wordwrap: false as const,
  selectors: [
    { selector: "a[data-action]", format: "actionLink" },
    { selector: "hr", format: "signatureSeparator" },
    { selector: "p[data-footer]", format: "paragraph", options: { leadingLineBreaks: 1 } },
  ],
  formatters: {
    actionLink: ((elem, walk, builder) => {
      walk(elem.children, builder);
      builder.addLiteral(`: ${elem.attribs.href}`);
    }) satisfies Formatter,
    signatureSeparator: ((_elem, _walk, builder) => {
      builder.openBlock({ leadingLineBreaks: 2 });
      builder.addLiteral("-- ");
      builder.closeBlock({ trailingLineBreaks: 1 });
    }) satisfies Formatter,
  },
};
