import type { ReactNode } from "react";
import { cardClass } from "@/components/ui/styles";

/** The frame of every tile: a titled card with an optional menu in its top right corner. */
export function Tile({
  title,
  menu,
  children,
  className = "",
}: {
  title: string;
  menu?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section aria-label={title} className={`${cardClass} min-w-0 p-3 sm:p-4 ${className}`}>
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-sm font-medium text-gray-600 dark:text-gray-300">{title}</h2>
        {menu}
      </div>
      <div className="mt-2">{children}</div>
    </section>
  );
}
