import type { ReactNode } from "react";

/**
 * Phones (below `sm`): a table's rows as a list of cards, the numbers beside the names, where a
 * table would push them off-screen. The wide table beside it is `hidden sm:block`.
 */
export function PhoneCards({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className="divide-y divide-gray-100 sm:hidden dark:divide-gray-800">
      {children}
    </ul>
  );
}

/**
 * One row as a card: what it is on the left (title, then a smaller line), its numbers on the
 * right, each on one line; the left side truncates so the numbers always keep their room.
 */
export function PhoneCard({
  title,
  first,
  subtitle,
  second,
  footer,
  testId,
}: {
  title: ReactNode;
  first: ReactNode;
  subtitle?: ReactNode;
  second?: ReactNode;
  footer?: ReactNode;
  testId?: string;
}) {
  return (
    <li className="px-3 py-2 text-sm" data-testid={testId}>
      <div className="flex items-baseline justify-between gap-3">
        <span className="min-w-0 truncate">{title}</span>
        <span className="shrink-0 tabular-nums">{first}</span>
      </div>
      {(subtitle !== undefined || second !== undefined) && (
        <div className="flex items-baseline justify-between gap-3 text-xs text-gray-500">
          <span className="min-w-0 truncate">{subtitle}</span>
          <span className="shrink-0 tabular-nums">{second}</span>
        </div>
      )}
      {footer !== undefined && <div className="text-xs text-gray-500">{footer}</div>}
    </li>
  );
}
