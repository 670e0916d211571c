// DELETE /api/v2/actions/{key} — archive an action and its rewards
import { archiveAction } from "@/lib/actions/archive-action";
import { apiResponse } from "@/lib/api/envelope";
import { withApiKey } from "@/lib/api/with-api-key";

export const DELETE = withApiKey<{ key: string }>(async ({ prisma, program, params, note }) => {
  note.actionKey = params.key;
  note.message = "Archived";
  return apiResponse(await archiveAction(prisma, program.id, params.key), "Action archived");
});
