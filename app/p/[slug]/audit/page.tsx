import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { secondaryButtonClass } from "@/components/ui/styles";
import { auditQuery } from "@/lib/audit/audit-params";
import { loadAuditFilters } from "@/lib/audit/load-audit-filters";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canViewAuditLog } from "@/lib/programs/roles";
import { AuditFilterForm } from "./_components/audit-filter-form";
import { AuditEntries, AuditEntriesSkeleton } from "./_components/audit-entries";
import { AuditWarnings } from "./_components/audit-warnings";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage(props: ProgramPageProps) {
  const { slug, query, program, role, db } = await openProgramPage(props);
  if (!canViewAuditLog(role)) forbidden();
  const { filters, cursor, people, warnings } = await loadAuditFilters(
    db.prisma,
    program.id,
    query,
  );

  return (
    <section className="space-y-4">
      <PageHeader
        title="Audit log"
        description={`Who changed members, roles, API keys, reward rules, program settings, the PartnerStack connection and deliveries, newest first. Times in ${program.timezone}.`}
      >
        <a href={`/p/${slug}/audit/export${auditQuery(filters)}`} className={secondaryButtonClass}>
          Download CSV
        </a>
      </PageHeader>
      <AuditWarnings warnings={warnings} />
      <AuditFilterForm slug={slug} filters={filters} people={people} />
      {/* Keyed by the URL, so a new page or filter shows the skeleton instead of stale rows. */}
      <Suspense key={auditQuery(filters, cursor)} fallback={<AuditEntriesSkeleton />}>
        <AuditEntries
          prisma={db.prisma}
          program={program}
          slug={slug}
          filters={filters}
          cursor={cursor}
        />
      </Suspense>
    </section>
  );
}
