// GET /api/v2/actions — list actions, filtered and cursor-paged
// POST /api/v2/actions — record one action (idempotent on key / external_key / Idempotency-Key)
import { listActions } from "@/lib/actions/list-actions";
import { apiResponse } from "@/lib/api/envelope";
import { parseBody, parseInput, searchParamsObject } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { createActionSchema, listActionsQuery, parseIdempotencyKey } from "@/lib/schemas/actions";
import { listResponse } from "@/lib/api/total-count";
import { withApiKey } from "@/lib/api/with-api-key";
import { recordAction } from "@/lib/ingest/record-action";
import { countingActions } from "@/lib/observability/count-api-actions";

export const GET = withApiKey(async ({ prisma, program, url, request }) => {
  const query = parseInput(listActionsQuery, searchParamsObject(url));
  return listResponse(request, (count) => listActions(prisma, program.id, query, count));
});

export const POST = withApiKey(
  countingActions(async ({ db, program, request, note, logOfInserted }) => {
    const body = await readJsonBody(request);
    const input = parseBody(createActionSchema, body, note.warnings);
    const header = request.headers.get("idempotency-key");
    const idempotencyKey = header === null ? null : parseIdempotencyKey(header);
    const sentOccurredAt = typeof body === "object" && body !== null && "occurred_at" in body;
    const { action, replayed } = await recordAction(db, program, input, {
      idempotencyKey,
      sentOccurredAt,
      // Recorded now: its log row is written by the statement that stores it.
      alsoOfInserted: logOfInserted(`Recorded ${input.type}`),
    });
    note.logged = !replayed;
    note.actionKey = action.key;
    note.message = replayed
      ? "Replayed: same key and body as a stored action"
      : `Recorded ${action.type}`;
    return apiResponse(action, replayed ? "Action already recorded" : "Action recorded", {
      headers: replayed ? { "Idempotent-Replayed": "true" } : undefined,
      warnings: note.warnings,
    });
  }),
);
