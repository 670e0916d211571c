// POST /api/v2/actions/batch — record up to 1,000 actions; each succeeds or fails on its own
import { apiResponse } from "@/lib/api/envelope";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { batchSchema } from "@/lib/schemas/actions";
import { withApiKey } from "@/lib/api/with-api-key";
import { recordActionBatch } from "@/lib/api/record-action-batch";
import { countBatchResults } from "@/lib/observability/count-api-actions";

export const POST = withApiKey(async ({ prisma, program, request, note }) => {
  const { actions } = parseBody(batchSchema, await readJsonBody(request), note.warnings);
  const results = await recordActionBatch(prisma, program, actions);
  countBatchResults(results);
  note.warnings.push(...results.flatMap((r) => r.warnings ?? []));
  const accepted = results.filter((r) => r.status === 200).length;
  note.message = `Batch: ${accepted} accepted, ${results.length - accepted} rejected`;
  return apiResponse({ results, accepted, rejected: results.length - accepted }, note.message, {
    warnings: note.warnings,
  });
});
