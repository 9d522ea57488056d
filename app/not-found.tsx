import { cookies, headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { negotiateLocale } from "@/i18n/negotiate";
import { NotFoundPage } from "@/components/shell/not-found-page";
import { getActor } from "@/lib/server/session";
import { homePathFor } from "@/lib/server/authz";
import "./globals.css";

/**
 * The 404 for a path outside every language (one the proxy does not put a language in, or a
 * language the portal does not speak): the same branded page, in the visitor's language, made
 * per request (it reads the request's headers).
 */
export default async function RootNotFound() {
  const [h, c] = await Promise.all([headers(), cookies()]);
  const locale = negotiateLocale(h.get("accept-language"), c.get("NEXT_LOCALE")?.value);
  setRequestLocale(locale);
  const actor = await getActor();
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <NextIntlClientProvider locale={locale}>
          <NotFoundPage user={actor} home={actor ? homePathFor(actor) : "/"} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
