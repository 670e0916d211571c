/** Shown while a Partners page renders (a new filter, sort or page). */
export default function Loading() {
  return (
    <section className="space-y-4" aria-busy="true" aria-label="Loading partners">
      <div className="h-8 w-48 animate-pulse rounded bg-gray-200 dark:bg-gray-800" />
      <div className="h-24 animate-pulse rounded-lg bg-gray-100 dark:bg-gray-900" />
      <div className="h-96 animate-pulse rounded-lg bg-gray-100 dark:bg-gray-900" />
    </section>
  );
}
