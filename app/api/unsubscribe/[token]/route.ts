import { AppError } from "@/lib/server/errors";
import { route } from "@/lib/server/route";
import { unsubscribe } from "@/lib/privacy/consents";

/**
 * POST /api/unsubscribe/:token — RFC 8058 one-click unsubscribe: the address in a marketing
 * e-mail's `List-Unsubscribe` header, posted by the mail client with the body
 * `List-Unsubscribe=One-Click`. No sign-in: the signed token is the credential. Answers 200 also
 * when the consent was already off; an invalid token is a plain 404.
 */
export const POST = route<{ token: string }, true>(
  async (_request, { params: { token } }) => {
    if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) throw new AppError("NOT_FOUND");
    await unsubscribe({ token, via: "one_click" });
    return new Response("Unsubscribed", { status: 200, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  },
  { anonymous: true, errors: "not-found" },
);
