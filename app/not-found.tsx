import { cookies, headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, ROOT_CLIENT_NAMESPACES } from "@/i18n/pick";
import { negotiateLocale } from "@/i18n/negotiate";
import { NotFoundPage } from "@/components/shell/not-found-page";
import { getActor } from "@/lib/server/session";
import { isSessionCookie } from "@/lib/server/static-pages";
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
  // The language is passed down, never set for the request: Next renders this page along with
  // every page, and a request-wide language set here (from the headers, or none at build time)
  // would win over the page's own (decision 0041).
  // Without a session cookie nobody is signed in: no session to read (and none at build time,
  // when Next renders this page along with each prerendered one).
  const signedIn = c.getAll().some((k) => isSessionCookie(k.name));
  const [actor, messages] = await Promise.all([signedIn ? getActor() : null, getMessages({ locale })]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        {/* Next sends this page's tree with every page of the portal: only the shared texts, never all. */}
        <NextIntlClientProvider locale={locale} messages={pickMessages(messages, ROOT_CLIENT_NAMESPACES)}>
          <NotFoundPage user={actor} home={actor ? homePathFor(actor) : "/"} locale={locale} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
