import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { pickMessages, ROOT_CLIENT_NAMESPACES } from "@/i18n/pick";
import { isLocale } from "@/i18n/routing";
import { ToasterHost } from "@/components/ui/toaster";
import "../globals.css";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "nl", namespace: "common" });
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline"), icons: { icon: "/icon.svg" } };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function LocaleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  // The language for everything below, also where no request is read (the prerendered pages).
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "common" });
  // Only what every page's client code needs (the error page, the language switch, confirm
  // buttons); each form brings its own namespaces (components/i18n/with-messages.tsx).
  const messages = pickMessages(await getMessages(), ROOT_CLIENT_NAMESPACES);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
        {/* The one place success messages of changes made in place appear (docs/decisions/0022-confirmations.md),
            sonner loaded when a form first raises one (decision 0043). */}
        <ToasterHost
          position="top-center"
          // Below the header, so the toast does not cover the navigation.
          offset={72}
          mobileOffset={{ top: 64 }}
          richColors
          closeButton
          duration={6000}
          customAriaLabel={t("notifications")}
          toastOptions={{ closeButtonAriaLabel: t("closeNotification") }}
        />
      </body>
    </html>
  );
}
