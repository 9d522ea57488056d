import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { Alert, Card } from "@/components/ui/primitives";
import { ActivateForm } from "@/components/auth/forms";
import { peekToken } from "@/lib/accounts/queries";

const LEAD = { choose: "leadPassword", confirm: "leadConfirm", none: "lead" } as const;

/** Where a link that no longer works leads: an expired one to a new link, without signing up again. */
const NEXT_STEP = {
  used: { href: "/sign-in", label: "toSignIn" },
  expired: { href: "/resend-activation", label: "toResend" },
  invalid: { href: "/sign-up", label: "toSignUp" },
} as const;

export default async function ActivatePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ choose?: string }>;
}) {
  const { locale, token } = await params;
  const chooseInstead = (await searchParams).choose === "1";
  const t = await getTranslations("auth.activate");
  const link = await peekToken(token, "ACTIVATION");
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="mb-4 text-xl font-semibold">{t("title")}</h1>
        {link.state === "valid" ? (
          <>
            <p className="mb-4 text-sm text-zinc-700">{t(LEAD[link.passwordMode === "confirm" && chooseInstead ? "choose" : link.passwordMode], { email: link.email ?? "" })}</p>
            <ActivateForm locale={locale} token={token} mode={link.passwordMode} chooseInstead={link.passwordMode === "confirm" && chooseInstead} />
            {link.passwordMode === "confirm" ? (
              <p className="mt-4 text-sm">
                <Link href={chooseInstead ? `/activate/${token}` : `/activate/${token}?choose=1`} className="text-brand-600 hover:underline" data-testid="activate-switch">
                  {t(chooseInstead ? "useSignUpPassword" : "chooseInstead")}
                </Link>
              </p>
            ) : null}
          </>
        ) : (
          <>
            <Alert tone="error">
              <span data-testid="link-state">{t(`state.${link.state}`)}</span>
            </Alert>
            <p className="mt-4 text-sm">
              <Link href={NEXT_STEP[link.state].href} className="text-brand-600 hover:underline">
                {t(NEXT_STEP[link.state].label)}
              </Link>
            </p>
          </>
        )}
      </Card>
    </div>
  );
}
