import { EmailLayout, Paragraph, type EmailProps } from "../layout";

/**
 * The e-mails of a handover between owners (docs/decisions/0034). Texts: emails.handover-* in
 * messages/<locale>/handover.json. None names the seller to the buyer, nor the buyer's address to the seller.
 */

/** To the buyer: see the car and accept or decline. */
export function HandoverOfferEmail({ frame, text, payload }: EmailProps<"handover-offer">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}

export function HandoverWithdrawnEmail({ frame, text }: EmailProps<"handover-withdrawn">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}

/** To the seller, with the link to undo within 48 hours. */
export function HandoverAcceptedEmail({ frame, text, payload }: EmailProps<"handover-accepted">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}

export function HandoverDeclinedEmail({ frame, text, payload }: EmailProps<"handover-declined">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}

export function HandoverCompletedEmail({ frame, text, payload }: EmailProps<"handover-completed">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}

export function HandoverUndoneEmail({ frame, text }: EmailProps<"handover-undone">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}

export function HandoverUndoneSellerEmail({ frame, text, payload }: EmailProps<"handover-undone-seller">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
    </EmailLayout>
  );
}

/** To the buyer: support undid the handover after the seller's own 48 hours, with its reason. */
export function HandoverUndoneSupportEmail({ frame, text }: EmailProps<"handover-undone-support">) {
  return (
    <EmailLayout frame={frame}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
      <Paragraph>{text("p3")}</Paragraph>
    </EmailLayout>
  );
}

/** To the seller: support undid the handover; the car is back. */
export function HandoverUndoneSupportSellerEmail({ frame, text, payload }: EmailProps<"handover-undone-support-seller">) {
  return (
    <EmailLayout frame={frame} action={{ label: text("action"), url: payload.url }}>
      <Paragraph>{text("p1")}</Paragraph>
      <Paragraph>{text("p2")}</Paragraph>
    </EmailLayout>
  );
}
