import { isLocale } from "@/i18n/routing";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { SignInPage, signInMetadata } from "@/components/auth/sign-in-page";

export const dynamic = "force-static";
export const generateMetadata = signInMetadata;

/**
 * The sign-in page with the demo accounts, prerendered (see the layout). Never asked for by its
 * own address: with DEMO_MODE, proxy.ts serves it at /<locale>/sign-in (docs/decisions/0041).
 */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return <SignInPage locale={locale} demo />;
}
