/**
 * A change to the program's deliveries that its rules refuse: `code` is the HTTP status it would
 * have as an API answer (403 role, 404 unknown object, 409 busy, 422 input), `field` the form
 * field to fix.
 */
export type ScheduleRefusal = {
  ok: false;
  code: 403 | 404 | 409 | 422;
  field: string;
  message: string;
};

export const scheduleRefusal = (
  code: ScheduleRefusal["code"],
  field: string,
  message: string,
): ScheduleRefusal => ({ ok: false, code, field, message });

export const NO_SCHEDULE = scheduleRefusal(404, "id", "No such schedule in this program.");
