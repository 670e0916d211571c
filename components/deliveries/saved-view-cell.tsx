import Link from "next/link";
import { stacked } from "@/components/ui/stacked-table";
import { tdClass } from "@/components/ui/styles";

/** A list's cell naming a schedule's or an alert's saved view, linked to the tab showing it. */
export function SavedViewCell({
  slug,
  view,
}: {
  slug: string;
  view: { name: string; query: string };
}) {
  return (
    <td data-label="Saved view" className={`${tdClass} ${stacked.cell}`}>
      <Link
        href={`/p/${slug}/actions${view.query ? `?${view.query}` : ""}`}
        className="text-blue-600 hover:underline"
      >
        {view.name}
      </Link>
    </td>
  );
}
