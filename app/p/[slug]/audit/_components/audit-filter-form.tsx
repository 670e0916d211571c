import Form from "next/form";
import Link from "next/link";
import { FormField } from "@/components/ui/form-field";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { AUDIT_FAMILIES } from "@/lib/audit/audit-kinds";
import { personParam, type AuditFilters } from "@/lib/audit/audit-params";
import type { AuditPersonOption } from "@/lib/audit/list-audit-people";

/**
 * Person and kind as a GET form: the filters live in the URL (a link shares them), and a new
 * filter starts again at the newest entries (the page position is not carried).
 */
export function AuditFilterForm({
  slug,
  filters,
  people,
}: {
  slug: string;
  filters: AuditFilters;
  people: AuditPersonOption[];
}) {
  const filtered = filters.person !== null || filters.family !== null;
  return (
    <Form
      action={`/p/${slug}/audit`}
      aria-label="Filter the audit log"
      className="flex flex-wrap items-end gap-3"
    >
      <FormField id="audit-person" label="Person" className="min-w-56">
        <select
          id="audit-person"
          name="person"
          defaultValue={filters.person ? personParam(filters.person) : ""}
          className={inputClass}
        >
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="audit-kind" label="Kind" className="min-w-48">
        <select
          id="audit-kind"
          name="kind"
          defaultValue={filters.family ?? ""}
          className={inputClass}
        >
          <option value="">All kinds</option>
          {Object.entries(AUDIT_FAMILIES).map(([family, label]) => (
            <option key={family} value={family}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      <button type="submit" className={buttonClass}>
        Apply filters
      </button>
      {filtered && (
        <Link href={`/p/${slug}/audit`} className="py-2 text-sm text-blue-600 hover:underline">
          Clear filters
        </Link>
      )}
    </Form>
  );
}
