import Link from "next/link";
import type { ReactNode } from "react";
import { cardClass } from "@/components/ui/styles";

/**
 * The card holding a "new schedule" or "new alert" form; without a saved view yet, what to do
 * first instead (`lead`: "Deliveries send", "Alerts watch").
 */
export function NewForSavedView({
  title,
  lead,
  slug,
  hasViews,
  children,
}: {
  title: string;
  lead: string;
  slug: string;
  hasViews: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`${cardClass} p-4`} id="new">
      <h2 className="mb-3 font-medium">{title}</h2>
      {hasViews ? (
        children
      ) : (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          {lead} a saved view. Save one on the{" "}
          <Link href={`/p/${slug}/actions`} className="text-blue-600 hover:underline">
            Actions tab
          </Link>{" "}
          first (filters, then “Save view”).
        </p>
      )}
    </div>
  );
}
