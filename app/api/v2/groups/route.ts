// GET /api/v2/groups — the program's partner groups
// POST /api/v2/groups — create a group (Actionboard extension)
import { apiResponse } from "@/lib/api/envelope";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { refusalError } from "@/lib/errors/refusal";
import { createGroupSchema } from "@/lib/schemas/groups";
import { withApiKey } from "@/lib/api/with-api-key";
import { apiKeyActor } from "@/lib/audit/api-key-actor";
import { createGroup } from "@/lib/groups/create-group";
import { listGroups } from "@/lib/groups/list-groups";

export const GET = withApiKey(async ({ prisma, program }) =>
  apiResponse(await listGroups(prisma, program.id)),
);

export const POST = withApiKey(async ({ prisma, program, publicKey, request, note }) => {
  const input = parseBody(createGroupSchema, await readJsonBody(request), note.warnings);
  const result = await createGroup(prisma, program.id, input, apiKeyActor(publicKey));
  if (!result.ok) throw refusalError(result);
  note.message = `Created group ${result.group.key}`;
  return apiResponse(result.group, "Group created", { warnings: note.warnings });
});
