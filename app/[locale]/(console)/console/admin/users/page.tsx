import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, PageTitle } from "@/components/ui/primitives";
import { ResendActivationButton, UserStatusButton } from "@/components/console/admin-forms";
import { requireActor } from "@/lib/server/guards";
import { can } from "@/lib/server/authz";
import { searchUsers } from "@/lib/organisations/queries";

export default async function UsersPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ q?: string }> }) {
  const { locale } = await params;
  const { q = "" } = await searchParams;
  const actor = await requireActor(locale, "users:assist");
  const manage = can(actor, "organisations:manage");
  const [t, format, users] = await Promise.all([getTranslations("admin"), getFormatter(), searchUsers(actor, q.slice(0, 100))]);
  return (
    <div className="space-y-6">
      <PageTitle>{t("users")}</PageTitle>
      <form role="search" className="flex gap-2">
        <label htmlFor="q" className="sr-only">
          {t("search")}
        </label>
        <input id="q" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="w-full max-w-sm rounded-lg border border-zinc-300 px-3 py-2 text-sm" />
        <button className="rounded-lg border border-zinc-300 bg-white px-4 text-sm">{t("search")}</button>
      </form>
      <Card className="p-0 sm:p-0">
        <ul className="divide-y">
          {users.map((u) => (
            <li key={u.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="user-row">
              <div className="min-w-0">
                <p className="truncate font-medium">{u.email}</p>
                <p className="text-sm text-zinc-600">
                  {`${u.firstName} ${u.lastName}`.trim()} · {t("lastSignIn")}: {u.lastSignInAt ? format.dateTime(u.lastSignInAt, "date") : "—"}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {u.platformRole !== "NONE" ? <Badge tone="amber">{t(`platformRole.${u.platformRole}`)}</Badge> : null}
                <Badge tone={u.status === "ACTIVE" ? "green" : u.status === "DISABLED" ? "red" : "zinc"}>{t(`status.${u.status}`)}</Badge>
                {u.status === "INVITED" ? <ResendActivationButton userId={u.id} /> : null}
                {manage && u.id !== actor.userId ? <UserStatusButton userId={u.id} status={u.status} email={u.email} /> : null}
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
