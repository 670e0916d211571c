import { fieldError } from "@/lib/forms/form-result";

/** What a form's answer says about one of its fields, announced beside it (`id` for aria). */
export function FieldError({
  answer,
  field,
  id = `${field}-error`,
}: {
  answer: { status: string };
  field: string;
  id?: string;
}) {
  const error = fieldError(answer, field);
  return error ? (
    <p id={id} role="alert" className="mt-1 text-sm text-red-600 dark:text-red-400">
      {error}
    </p>
  ) : null;
}
