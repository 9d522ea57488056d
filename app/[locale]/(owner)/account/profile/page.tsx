import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/primitives";
import { ProfileForm } from "@/components/privacy/forms";
import { requireActor } from "@/lib/server/guards";
import { isStaff } from "@/lib/server/authz";
import { getProfile } from "@/lib/privacy/queries";
import { appLocaleOf } from "@/i18n/routing";

export async function generateMetadata() {
  const t = await getTranslations("privacy.profile");
  return { title: t("title") };
}

/** The user's own profile: owners every field of seed 001 §3.2.1, staff their name and language. */
export default async function ProfilePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const actor = await requireActor(locale, "account:manage");
  const [t, p] = await Promise.all([getTranslations("privacy.profile"), getProfile(actor.userId)]);
  const staff = isStaff(actor);
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle sub={staff ? t("staffLead") : t("lead")}>{t("title")}</PageTitle>
      <Card>
        <ProfileForm
          staff={staff}
          values={{
            firstName: p.firstName,
            lastName: p.lastName,
            locale: appLocaleOf(p.locale) ?? "nl",
            title: p.title ?? "",
            company: p.company ?? "",
            dateOfBirth: p.dateOfBirth ? p.dateOfBirth.toISOString().slice(0, 10) : "",
            street: p.street ?? "",
            postalCode: p.postalCode ?? "",
            city: p.city ?? "",
            country: p.country ?? "",
            mobile: p.mobile ?? "",
            phone: p.phone ?? "",
            extraPhones: p.extraPhones.join("\n"),
            interests: p.interests,
            preferredChannels: p.preferredChannels,
          }}
        />
      </Card>
    </div>
  );
}
