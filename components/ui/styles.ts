/** Shared class lists, so every form control and table looks and focuses the same. */
export const inputClass =
  "mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 text-sm dark:border-gray-700 dark:bg-gray-950";
export const buttonClass =
  "rounded-md bg-blue-600 px-3 py-2 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-60";
export const secondaryButtonClass =
  "rounded-md border border-gray-300 px-3 py-1.5 text-sm hover:bg-gray-100 dark:border-gray-700 dark:hover:bg-gray-800";
export const tableClass = "min-w-full divide-y divide-gray-200 text-sm dark:divide-gray-800";
export const thClass =
  "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-gray-500";
export const tdClass = "px-3 py-2 align-top";
export const cardClass =
  "rounded-lg border border-gray-200 bg-white dark:border-gray-800 dark:bg-gray-900";
