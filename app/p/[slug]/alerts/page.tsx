import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { listActionTypes, listAlerts } from "@/lib/alerts/list-alerts";
import { loadRecipientRules } from "@/lib/deliveries/load-recipient-rules";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canManageSavedViews } from "@/lib/programs/roles";
import { EmailSetUpNote } from "@/components/deliveries/email-set-up-note";
import { audienceOf, viewChoiceOf } from "@/components/deliveries/form-props";
import { NewForSavedView } from "@/components/deliveries/new-for-saved-view";
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
      <EmailSetUpNote kind="alerts" />

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

      <NewForSavedView
        title="New alert"
        lead="Alerts watch"
        slug={slug}
        hasViews={views.length > 0}
      >
        <AlertForm
          slug={slug}
          choice={viewChoiceOf(views, Number(query.view))}
          actionTypes={types}
          currency={program.currency}
          timezone={program.timezone}
          audience={audienceOf(rules, user, role)}
        />
      </NewForSavedView>
    </section>
  );
}
