import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { isLocale, routing } from "@/i18n/routing";

/**
 * The signed-out pages that read nothing per request (the landing page, sign-in, sign-up):
 * prerendered at build time for every language and served as files (docs/decisions/0041).
 * - `force-static`: nothing in the tree reads the request; the not-found fallbacks Next renders
 *   along with every page see no cookies, so they render signed out, as these pages are.
 * - Their CSP lists the hashes of the prerendered inline scripts instead of a nonce (proxy.ts).
 * - A visitor with a session cookie never gets them: the proxy sends them on to /api/home, which
 *   checks the session and redirects to the garage or the console, or clears a stale cookie.
 * - What a query string says (a notice after activation, `next` after sign-in) is read in the
 *   browser.
 */
export const dynamic = "force-static";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export default async function StaticLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return <AppShell user={null}>{children}</AppShell>;
}
