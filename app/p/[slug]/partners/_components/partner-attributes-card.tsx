import { cardClass } from "@/components/ui/styles";
import type { PartnerAttributes } from "@/lib/partners/partner-list";
import { formatDate } from "@/lib/time/format";
import { dateOf } from "@/lib/time/zone";

/** Who the partner is: key, group, tags, manager, dates and flags. */
export function PartnerAttributesCard({
  partner,
  timezone,
}: {
  partner: PartnerAttributes;
  timezone: string;
}) {
  const day = (d: Date) => formatDate(dateOf(d.getTime(), timezone));
  const items: [string, string][] = [
    ["Partner key", partner.partnerKey],
    ["Email", partner.email],
    ["Group", partner.group],
    ["Tags", partner.tags.join(", ") || "—"],
    ["Partner manager", partner.manager ?? "—"],
    ["Joined", day(partner.joinedAt)],
    ["Marketplace", partner.isMarketplace ? "Yes" : "No"],
    ["Archived", partner.archivedAt ? day(partner.archivedAt) : "No"],
  ];
  return (
    <section aria-label="Partner" className={`${cardClass} p-4`}>
      <h2 className="text-sm font-medium text-gray-600 dark:text-gray-300">Partner</h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {items.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-gray-500">{label}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
