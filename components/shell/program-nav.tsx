"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { canViewAuditLog, type Role } from "@/lib/programs/roles";

/** `allow`: shown only to the roles that may open it (the page refuses the others with a 403). */
const ITEMS: { segment: string; label: string; allow?: (role: Role) => boolean }[] = [
  { segment: "actions", label: "Actions" },
  { segment: "conversion", label: "Conversion" },
  { segment: "partners", label: "Partners" },
  { segment: "groups", label: "Groups and tags" },
  { segment: "reward-rules", label: "Reward rules" },
  { segment: "api-keys", label: "API keys" },
  { segment: "deliveries", label: "Deliveries" },
  { segment: "alerts", label: "Alerts" },
  { segment: "share-links", label: "Share links" },
  { segment: "api-log", label: "API log" },
  { segment: "partnerstack", label: "PartnerStack" },
  { segment: "settings", label: "Settings" },
  { segment: "members", label: "Members" },
  { segment: "audit", label: "Audit log", allow: canViewAuditLog },
];

/** `failedDeliveries`: schedules whose last delivery failed, shown as a count beside Deliveries. */
export function ProgramNav({
  slug,
  role,
  failedDeliveries = 0,
}: {
  slug: string;
  role: Role;
  failedDeliveries?: number;
}) {
  const pathname = usePathname();
  return (
    // Wraps on a narrow screen rather than hiding the last items behind a scroll.
    <nav aria-label="Program" className="flex flex-wrap gap-1">
      {ITEMS.filter((item) => !item.allow || item.allow(role)).map((item) => {
        const href = `/p/${slug}/${item.segment}`;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={item.segment}
            href={href}
            aria-current={active ? "page" : undefined}
            className="whitespace-nowrap rounded-md px-2.5 py-1.5 sm:px-3 text-sm text-gray-600 hover:bg-gray-100 aria-[current=page]:bg-blue-50 aria-[current=page]:font-medium aria-[current=page]:text-blue-700 dark:text-gray-300 dark:hover:bg-gray-800 dark:aria-[current=page]:bg-blue-950 dark:aria-[current=page]:text-blue-300"
          >
            {item.label}
            {item.segment === "deliveries" && failedDeliveries > 0 && " "}
            {item.segment === "deliveries" && failedDeliveries > 0 && (
              <span className="ml-1.5 rounded-full bg-red-600 px-1.5 text-xs font-medium text-white">
                {failedDeliveries}
                <span className="sr-only"> failed</span>
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
