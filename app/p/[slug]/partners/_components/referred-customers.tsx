import { cardClass } from "@/components/ui/styles";
import type { referredCustomers } from "@/lib/partners/load-partner";
import { formatDate } from "@/lib/time/format";
import { dateOf } from "@/lib/time/zone";

/** The customers the partner referred, newest first. */
export function ReferredCustomers({
  referred,
  timezone,
}: {
  referred: Awaited<ReturnType<typeof referredCustomers>>;
  timezone: string;
}) {
  const { customers, total } = referred;
  return (
    <section aria-label="Customers referred" className={`${cardClass} p-4`}>
      <h2 className="text-sm font-medium text-gray-600 dark:text-gray-300">
        Customers referred ({total.toLocaleString("en-US")})
      </h2>
      {customers.length === 0 ? (
        <p className="mt-4 text-sm text-gray-500">No customers yet.</p>
      ) : (
        <ul className="mt-2 max-h-64 divide-y divide-gray-100 overflow-y-auto text-sm dark:divide-gray-800">
          {customers.map((c) => (
            <li key={c.customerKey} className="flex justify-between gap-3 py-1.5">
              <span className="min-w-0 break-all">
                {c.name ?? c.email ?? c.customerKey}
                {c.name && c.email && (
                  <span className="block text-xs text-gray-500">{c.email}</span>
                )}
              </span>
              <span className="shrink-0 text-xs text-gray-500">
                {formatDate(dateOf(c.createdAt.getTime(), timezone))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > customers.length && (
        <p className="mt-2 text-xs text-gray-500">
          The newest {customers.length} of {total.toLocaleString("en-US")}.
        </p>
      )}
    </section>
  );
}
