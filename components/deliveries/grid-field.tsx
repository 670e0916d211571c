import type { ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";

/**
 * A field of a deliveries-style grid form (schedules, alerts): a wide one spans the grid; an error
 * is announced beside its control.
 */
export function GridField({
  id,
  error,
  wide,
  ...field
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <FormField
      id={id}
      {...field}
      className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}
      error={
        error && (
          <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-600">
            {error}
          </p>
        )
      }
    />
  );
}
