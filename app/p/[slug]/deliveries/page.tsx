import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { config } from "@/lib/config/config.mjs";
import { DELIVERY_FILES } from "@/lib/deliveries/delivery-files";
import { EMAIL_NOT_SET_UP } from "@/lib/config/setup-hints";
import { hasDeliveriesUnderway } from "@/lib/deliveries/has-deliveries-underway";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { listSchedules } from "@/lib/deliveries/list-schedules";
import { loadRecipientRules } from "@/lib/deliveries/load-recipient-rules";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import {
  canAllowDeliveryDomains,
  canDeliverOutside,
  canManageSavedViews,
} from "@/lib/programs/roles";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import { AutoRefresh } from "@/components/ui/auto-refresh";
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
  const asked = Number(query.view);

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
      {!config().SMTP_URL && (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          Email deliveries fail until email is set up; webhook deliveries work. {EMAIL_NOT_SET_UP}
        </p>
      )}
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

      <div className={`${cardClass} p-4`} id="new">
        <h2 className="mb-3 font-medium">Schedule a delivery</h2>
        {views.length === 0 ? (
          <p className="text-sm text-gray-600 dark:text-gray-400">
            Deliveries send a saved view. Save one on the{" "}
            <Link href={`/p/${slug}/actions`} className="text-blue-600 hover:underline">
              Actions tab
            </Link>{" "}
            first (filters, then “Save view”).
          </p>
        ) : (
          <ScheduleForm
            slug={slug}
            views={views.map((v) => ({ id: v.id, name: v.name }))}
            selectedView={views.some((v) => v.id === asked) ? asked : views[0].id}
            files={DELIVERY_FILES}
            members={[...rules.memberEmails].sort()}
            domains={rules.domains}
            me={user.email.toLowerCase()}
            outside={canDeliverOutside(role)}
          />
        )}
      </div>

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
