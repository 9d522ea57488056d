import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { Alert, Card } from "@/components/ui/primitives";
import { SignInForm } from "@/components/auth/forms";
import { env } from "@/lib/server/env";
import { getActor } from "@/lib/server/session";
import { homePathFor } from "@/lib/server/authz";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/demo-accounts";

export async function generateMetadata() {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { locale } = await params;
  const sp = await searchParams;
  const actor = await getActor();
  if (actor) redirect(`/${locale}${homePathFor(actor)}`);
  const t = await getTranslations("auth.signIn");
  const notice = sp.activated ? "activated" : sp.reset ? "reset" : sp.signedOut === "everywhere" ? "signedOutEverywhere" : sp.signedOut ? "signedOut" : null;
  return (
    <div className="mx-auto max-w-md">
      {env.DEMO_MODE ? (
        <Alert tone="warning" className="mb-4" testId="demo-banner">
          <strong className="font-semibold">{t("demo.bannerTitle")}</strong> {t("demo.banner")}
        </Alert>
      ) : null}
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{t("title")}</h1>
        {notice ? <Alert tone="success" className="mb-4" testId="notice">{t(`notice.${notice}`)}</Alert> : null}
        <SignInForm locale={locale} next={sp.next} />
        <p className="mt-6 text-sm text-zinc-600">
          {t("noAccount")}{" "}
          <Link href="/sign-up" className="text-brand-600 hover:underline">
            {t("createAccount")}
          </Link>
        </p>
        <p className="mt-2 text-sm text-zinc-600">
          {t("noActivation")}{" "}
          <Link href="/resend-activation" className="text-brand-600 hover:underline">
            {t("requestActivation")}
          </Link>
        </p>
      </Card>
      {env.DEMO_MODE ? (
        <Card className="mt-4" aria-labelledby="demo-accounts">
          <h2 id="demo-accounts" className="text-sm font-semibold">
            {t("demo.title")}
          </h2>
          <p className="mt-1 text-sm text-zinc-600">{t("demo.password", { password: DEMO_PASSWORD })}</p>
          <ul className="mt-2 space-y-1 text-sm">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <code className="rounded bg-zinc-100 px-1">{a.email}</code> — {t(`demo.roles.${a.role}`)}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
