import type { Metadata } from "next";
import { requireProgramAccess } from "@/lib/programs/require-program-access";

export const metadata: Metadata = { title: "Actions" };

export default async function ActionsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { program } = await requireProgramAccess(slug);
  return (
    <section>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Actions</h1>
        <p className="text-sm text-gray-500">Times in {program.timezone}</p>
      </div>
      <div className="mt-6 rounded-lg border border-dashed border-gray-300 p-10 text-center dark:border-gray-700">
        <p className="font-medium">The Actions tab is on its way</p>
        <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
          Filters, number tiles, the chart, the table and drill-downs for {program.name} will appear
          here.
        </p>
      </div>
    </section>
  );
}
