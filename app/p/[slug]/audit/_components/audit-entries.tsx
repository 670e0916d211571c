import Link from "next/link";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { AUDIT_FAMILIES, AUDIT_KINDS, auditFamily, type AuditKind } from "@/lib/audit/audit-kinds";
import { auditQuery, type AuditCursor, type AuditFilters } from "@/lib/audit/audit-params";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { formatDateTime, isoInZone } from "@/lib/time/format";
import { AuditWarnings } from "./audit-warnings";

/** "API keys", from a stored kind ("api_keys.created"); a kind this version does not know as is. */
function familyLabel(kind: string): string {
  return (AUDIT_KINDS as readonly string[]).includes(kind)
    ? AUDIT_FAMILIES[auditFamily(kind as AuditKind)]
    : kind;
}

function hasDetails(details: unknown): boolean {
  return typeof details === "object" && details !== null && Object.keys(details).length > 0;
}

/** One page of entries, newest first, with Newer / Older links that keep the filters. */
export async function AuditEntries({
  prisma,
  program,
  slug,
  filters,
  cursor,
}: {
  prisma: PrismaClient;
  program: { id: number; timezone: string };
  slug: string;
  filters: AuditFilters;
  cursor: AuditCursor;
}) {
  const page = await listAuditEvents(prisma, program.id, filters, cursor);
  const filtered = filters.person !== null || filters.family !== null;
  const href = (next: AuditCursor) => `/p/${slug}/audit${auditQuery(filters, next)}`;
  const first = page.events[0];
  const last = page.events.at(-1);
  return (
    <>
      {page.cursorMissing && (
        <AuditWarnings
          warnings={[
            "Page position: that entry is not in this program's log. Showing the newest entries.",
          ]}
        />
      )}
      <div className={`${cardClass} relative overflow-x-auto`}>
        {page.events.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-600 dark:text-gray-400">
            {filtered
              ? "No entries match these filters."
              : "Nothing recorded yet. Changes to members, API keys, reward rules, settings, the PartnerStack connection and deliveries appear here."}
          </p>
        ) : (
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>Time</th>
                <th className={thClass}>Person</th>
                <th className={thClass}>Kind</th>
                <th className={thClass}>What happened</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
              {page.events.map((e) => (
                <tr key={String(e.id)}>
                  <td className={`${tdClass} whitespace-nowrap`}>
                    <time dateTime={isoInZone(e.createdAt, program.timezone)}>
                      {formatDateTime(e.createdAt, program.timezone)}
                    </time>
                  </td>
                  <td className={`${tdClass} break-words`}>{e.actorLabel}</td>
                  <td className={tdClass}>
                    {familyLabel(e.kind)}
                    <div className="font-mono text-xs text-gray-500">{e.kind}</div>
                  </td>
                  <td className={`${tdClass} max-w-xl break-words`}>
                    {e.summary}
                    {hasDetails(e.details) && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs text-blue-600">Details</summary>
                        <pre className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-gray-50 p-2 text-xs dark:bg-gray-950">
                          {JSON.stringify(e.details, null, 2)}
                        </pre>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {(page.hasNewer || page.hasOlder) && (
        <nav aria-label="Audit log pages" className="flex gap-4 text-sm font-medium">
          {page.hasNewer && first && (
            <Link
              href={href({ direction: "before", id: first.id })}
              className="text-blue-600 hover:underline"
            >
              ← Newer
            </Link>
          )}
          {page.hasOlder && last && (
            <Link
              href={href({ direction: "after", id: last.id })}
              className="text-blue-600 hover:underline"
            >
              Older →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

export function AuditEntriesSkeleton() {
  return (
    <div className={`${cardClass} space-y-3 p-4`} aria-busy="true" aria-label="Loading entries">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-6 animate-pulse rounded bg-gray-100 dark:bg-gray-800" />
      ))}
    </div>
  );
}
