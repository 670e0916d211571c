import Link from "next/link";
import { tableClass, tdClass, thClass } from "@/components/ui/styles";
import { ArchiveButton } from "./archive-button";
import { RenameForm } from "./rename-form";

export interface ListRow {
  id: number;
  name: string;
  /** Groups only: the key the API and imports use. */
  key?: string;
  archivedAt: Date | null;
  partnerships: number;
}

const count = (n: number) => `${n.toLocaleString("en-US")} partnership${n === 1 ? "" : "s"}`;

/** The groups or the tags of the program, with their partnerships; editable for managers. */
export function ListTable({
  slug,
  kind,
  rows,
  editable,
}: {
  slug: string;
  kind: "group" | "tag";
  rows: ListRow[];
  editable: boolean;
}) {
  const label = kind === "group" ? "Group" : "Tag";
  return (
    <table className={tableClass}>
      <thead>
        <tr>
          <th className={thClass}>{label}</th>
          {kind === "group" && <th className={thClass}>Key</th>}
          <th className={`${thClass} text-right`}>Partnerships</th>
          <th className={thClass}>Status</th>
          {editable && (
            <th className={thClass}>
              <span className="sr-only">Change</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
        {rows.map((row) => (
          <tr key={row.id}>
            <td className={tdClass}>
              {editable ? (
                // Kept across the rename it makes (keyed by the row), so its answer stays shown.
                <RenameForm slug={slug} kind={kind} id={row.id} name={row.name} />
              ) : (
                row.name
              )}
            </td>
            {kind === "group" && <td className={`${tdClass} font-mono text-xs`}>{row.key}</td>}
            <td className={`${tdClass} text-right tabular-nums`}>
              <Link
                href={`/p/${slug}/partners?${kind}=${row.id}`}
                className="text-blue-600 hover:underline"
                aria-label={`${count(row.partnerships)} with ${kind} ${row.name}`}
              >
                {row.partnerships.toLocaleString("en-US")}
              </Link>
            </td>
            <td className={tdClass}>
              {row.archivedAt ? (
                <span className="text-gray-600 dark:text-gray-400">Archived</span>
              ) : (
                <span className="text-green-700 dark:text-green-400">Active</span>
              )}
            </td>
            {editable && (
              <td className={tdClass}>
                <ArchiveButton
                  slug={slug}
                  kind={kind}
                  id={row.id}
                  name={row.name}
                  archived={row.archivedAt !== null}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
