import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { DELIVERY_FILES } from "@/lib/deliveries/delivery-files";
import { hasDeliveriesUnderway } from "@/lib/deliveries/has-deliveries-underway";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { listSchedules } from "@/lib/deliveries/list-schedules";
import { loadRecipientRules } from "@/lib/deliveries/load-recipient-rules";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canAllowDeliveryDomains, canManageSavedViews } from "@/lib/programs/roles";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { EmailSetUpNote } from "@/components/deliveries/email-set-up-note";
import { audienceOf, viewChoiceOf } from "@/components/deliveries/form-props";
import { NewForSavedView } from "@/components/deliveries/new-for-saved-view";
import { DeliveryLog } from "./_components/delivery-log";
import { DomainsForm } from "./_components/domains-form";
import { FailedNotice } from "./_components/failed-notice";
import { ScheduleForm } from "./_components/schedule-form";
import { ScheduleList } from "./_components/schedule-list";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DeliveriesPage(props: ProgramPageProps) {
  const { slug, program, role, user, query, db } = await openProgramPage(props);
  const [schedules, deliveries, views, rules, underway] = await Promise.all([
    listSchedules(db.prisma, program.id),
    listDeliveries(db.prisma, program.id),
    listSavedViews(db.prisma, program.id),
    loadRecipientRules(db.prisma, program.id),
    hasDeliveriesUnderway(db.prisma, program.id),
  ]);

  return (
    <section className="space-y-6">
      <PageHeader
        title="Deliveries"
        description={
          <>
            Saved views of the Actions tab sent on a schedule, by email or to a webhook. Each file
            is built when it is sent, so relative timeframes (“past 7 days”) mean the days before
            that moment. Times are in the program’s zone, {program.timezone}.
          </>
        }
      />
      <EmailSetUpNote kind="deliveries" />
      <FailedNotice schedules={schedules} timezone={program.timezone} />
      <AutoRefresh active={underway} />

      <div className={`${cardClass} relative overflow-x-auto`}>
        <h2 className="px-4 pt-4 font-medium">Schedules</h2>
        <ScheduleList
          slug={slug}
          schedules={schedules}
          timezone={program.timezone}
          userId={user.id}
          canManageAll={canManageSavedViews(role)}
        />
      </div>

      <NewForSavedView
        title="Schedule a delivery"
        lead="Deliveries send"
        slug={slug}
        hasViews={views.length > 0}
      >
        <ScheduleForm
          slug={slug}
          choice={viewChoiceOf(views, Number(query.view))}
          files={DELIVERY_FILES}
          audience={audienceOf(rules, user, role)}
        />
      </NewForSavedView>

      <div className={`${cardClass} p-4`}>
        <h2 className="font-medium">Allowed outside domains</h2>
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
          Deliveries go to members of {program.name}. Owners and managers may also send to addresses
          on these domains (for example a partner agency’s).
        </p>
        {canAllowDeliveryDomains(role) ? (
          <DomainsForm slug={slug} domains={rules.domains} />
        ) : (
          <p className="mt-2 text-sm">
            {rules.domains.length ? rules.domains.join(", ") : "None."}{" "}
            <span className="text-gray-600 dark:text-gray-400">Only owners change this list.</span>
          </p>
        )}
      </div>

      <div className={`${cardClass} relative overflow-x-auto`}>
        <h2 className="px-4 pt-4 font-medium">Log</h2>
        <DeliveryLog
          deliveries={deliveries}
          timezone={program.timezone}
          showWebhookUrls={canManageSavedViews(role)}
        />
      </div>
    </section>
  );
}
