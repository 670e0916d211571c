import Link from "next/link";
import type { ReactNode } from "react";
import { partnerHref } from "@/lib/partnerships/partner-href";

/**
 * A partner's name, linked to its partner page. Not prefetched: a page of rows would otherwise
 * ask the server for a partner page per row as soon as the rows are on screen.
 */
export function PartnerLink({
  slug,
  partnerKey,
  className = "text-blue-600 hover:underline",
  children,
}: {
  slug: string;
  partnerKey: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Link href={partnerHref(slug, partnerKey)} prefetch={false} className={className}>
      {children}
    </Link>
  );
}
