import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { formatDateTime } from "@/lib/time/format";
import { INGEST_LOG_RETENTION_DAYS } from "@/lib/ingest-log/write-ingest-log";
import { listIngestLog } from "@/lib/ingest-log/list-ingest-log";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";

export const metadata: Metadata = { title: "API log" };

const OUTCOMES = [
  { value: undefined, label: "All" },
  { value: "accepted", label: "Accepted" },
  { value: "rejected", label: "Rejected" },
] as const;

export default async function ApiLogPage(props: ProgramPageProps) {
  const { slug, query, program, db } = await openProgramPage(props);
  const outcome =
    query.outcome === "accepted" || query.outcome === "rejected" ? query.outcome : undefined;
  const before =
    typeof query.before === "string" && /^\d{1,18}$/.test(query.before)
      ? BigInt(query.before)
      : undefined;
  const invalid =
    (query.outcome !== undefined && !outcome) || (query.before !== undefined && !before);
  const { entries, nextBefore } = await listIngestLog(db.prisma, program.id, { outcome, before });
  const href = (o?: string, b?: bigint | null) => {
    const sp = new URLSearchParams();
    if (o) sp.set("outcome", o);
    if (b) sp.set("before", String(b));
    const s = sp.toString();
    return `/p/${slug}/api-log${s ? `?${s}` : ""}`;
  };

  return (
    <section className="space-y-4">
      <PageHeader
        title="API log"
        description={`Every Actions API request of the last ${INGEST_LOG_RETENTION_DAYS} days, accepted or rejected, newest first. Times in ${program.timezone}.`}
      />
      {invalid && (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200"
        >
          Some filters in the address were not understood and were ignored.
        </p>
      )}
      <nav aria-label="Outcome" className="flex gap-2">
        {OUTCOMES.map((o) => (
          <Link
            key={o.label}
            href={href(o.value)}
            aria-current={outcome === o.value ? "page" : undefined}
            className="rounded-full border border-gray-300 px-3 py-1 text-sm aria-[current=page]:border-blue-600 aria-[current=page]:bg-blue-600 aria-[current=page]:text-white dark:border-gray-700"
          >
            {o.label}
          </Link>
        ))}
      </nav>
      <div className={`${cardClass} relative overflow-x-auto`}>
        {entries.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-600 dark:text-gray-400">
            No requests {outcome ? `${outcome} ` : ""}yet. Requests to <code>/api/v2</code> made
            with this program&apos;s keys appear here.
          </p>
        ) : (
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>Time</th>
                <th className={thClass}>Request</th>
                <th className={thClass}>Status</th>
                <th className={thClass}>Action key</th>
                <th className={thClass}>Message</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
              {entries.map((e) => (
                <tr key={String(e.id)}>
                  <td className={`${tdClass} whitespace-nowrap`}>
                    {formatDateTime(e.createdAt, program.timezone)}
                  </td>
                  <td className={`${tdClass} font-mono text-xs`}>
                    {e.method} {e.path}
                  </td>
                  <td className={tdClass}>
                    <span
                      className={
                        e.outcome === "accepted"
                          ? "text-green-700 dark:text-green-400"
                          : "text-red-700 dark:text-red-400"
                      }
                    >
                      {e.status} {e.outcome}
                    </span>
                  </td>
                  <td className={`${tdClass} font-mono text-xs`}>{e.actionKey ?? ""}</td>
                  <td className={`${tdClass} max-w-md break-words`}>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {nextBefore && (
        <Link
          href={href(outcome, nextBefore)}
          className="inline-block text-sm font-medium text-blue-600 hover:underline"
        >
          Older entries →
        </Link>
      )}
    </section>
  );
}
