const LOOK: Record<string, { label: string; className: string }> = {
  pending: {
    label: "Queued",
    className: "bg-gray-100 text-gray-700 dark:bg-gray-800 dark:text-gray-300",
  },
  sending: {
    label: "Sending…",
    className: "bg-blue-50 text-blue-700 dark:bg-blue-950 dark:text-blue-300",
  },
  retrying: {
    label: "Retrying",
    className: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  },
  sent: {
    label: "Sent",
    className: "bg-green-50 text-green-700 dark:bg-green-950 dark:text-green-300",
  },
  failed: {
    label: "Failed",
    className: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  },
};

/** A delivery's status as a small labelled badge (words, not colour alone). */
export function DeliveryStatus({ status }: { status: string }) {
  const look = LOOK[status] ?? { label: status, className: "" };
  return (
    <span
      className={`inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${look.className}`}
    >
      {look.label}
    </span>
  );
}
