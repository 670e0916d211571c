import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { listActionTypes, listAlerts } from "@/lib/alerts/list-alerts";
import { config } from "@/lib/config/config.mjs";
import { EMAIL_NOT_SET_UP } from "@/lib/config/setup-hints";
import { loadRecipientRules } from "@/lib/deliveries/load-recipient-rules";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canDeliverOutside, canManageSavedViews } from "@/lib/programs/roles";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import { AlertForm } from "./_components/alert-form";
import { AlertList } from "./_components/alert-list";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage(props: ProgramPageProps) {
  const { slug, program, role, user, query, db } = await openProgramPage(props);
  const [alerts, views, types, rules] = await Promise.all([
    listAlerts(db.prisma, program),
    listSavedViews(db.prisma, program.id),
    listActionTypes(db.prisma, program.id),
    loadRecipientRules(db.prisma, program.id),
  ]);
  const asked = Number(query.view);

  return (
    <section className="space-y-6">
      <PageHeader
        title="Alerts"
        description={
          <>
            A saved view’s number watched every hour or day, over the period just ended (in the
            program’s zone, {program.timezone}). An alert tells once when it goes out of range —
            with the number, the range expected and what moved it — and again when it is back. Its
            messages are listed in the{" "}
            <Link href={`/p/${slug}/deliveries`} className="text-blue-600 hover:underline">
              Deliveries log
            </Link>
            .
          </>
        }
      />
      {!config().SMTP_URL && (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          Email alerts fail until email is set up; webhook alerts work. {EMAIL_NOT_SET_UP}
        </p>
      )}

      <div className={`${cardClass} relative overflow-x-auto`}>
        <h2 className="px-4 pt-4 font-medium">Alerts</h2>
        <AlertList
          slug={slug}
          alerts={alerts}
          timezone={program.timezone}
          userId={user.id}
          canManageAll={canManageSavedViews(role)}
        />
      </div>

      <div className={`${cardClass} p-4`} id="new">
        <h2 className="mb-3 font-medium">New alert</h2>
        {views.length === 0 ? (
          <p className="text-sm text-gray-600 dark:text-gray-400">
            Alerts watch a saved view. Save one on the{" "}
            <Link href={`/p/${slug}/actions`} className="text-blue-600 hover:underline">
              Actions tab
            </Link>{" "}
            first (filters, then “Save view”).
          </p>
        ) : (
          <AlertForm
            slug={slug}
            views={views.map((v) => ({ id: v.id, name: v.name }))}
            selectedView={views.some((v) => v.id === asked) ? asked : views[0].id}
            actionTypes={types}
            currency={program.currency}
            timezone={program.timezone}
            members={[...rules.memberEmails].sort()}
            domains={rules.domains}
            me={user.email.toLowerCase()}
            outside={canDeliverOutside(role)}
          />
        )}
      </div>
    </section>
  );
}
