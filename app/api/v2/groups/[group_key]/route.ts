// PATCH /api/v2/groups/{group_key} — rename, archive or restore a group (Actionboard extension)
import { apiResponse } from "@/lib/api/envelope";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { refusalError } from "@/lib/errors/refusal";
import { updateGroupSchema } from "@/lib/schemas/groups";
import { withApiKey } from "@/lib/api/with-api-key";
import { apiKeyActor } from "@/lib/audit/api-key-actor";
import { updateGroup } from "@/lib/groups/update-group";

export const PATCH = withApiKey<{ group_key: string }>(
  async ({ prisma, program, publicKey, params, request, note }) => {
    const input = parseBody(updateGroupSchema, await readJsonBody(request), note.warnings);
    const key = params.group_key;
    const result = await updateGroup(prisma, program.id, { key }, input, apiKeyActor(publicKey));
    if (!result.ok) throw refusalError(result);
    note.message = `Updated group ${key}`;
    return apiResponse(result.group, "Group updated", { warnings: note.warnings });
  },
);
