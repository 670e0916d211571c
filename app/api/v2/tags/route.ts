// GET /api/v2/tags — the program's partnership tags (Actionboard extension)
// POST /api/v2/tags — create a tag (Actionboard extension)
import { apiResponse } from "@/lib/api/envelope";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { refusalError } from "@/lib/errors/refusal";
import { createTagSchema } from "@/lib/schemas/tags";
import { withApiKey } from "@/lib/api/with-api-key";
import { apiKeyActor } from "@/lib/audit/api-key-actor";
import { createTag } from "@/lib/tags/create-tag";
import { listTags } from "@/lib/tags/list-tags";

export const GET = withApiKey(async ({ prisma, program }) =>
  apiResponse(await listTags(prisma, program.id)),
);

export const POST = withApiKey(async ({ prisma, program, publicKey, request, note }) => {
  const input = parseBody(createTagSchema, await readJsonBody(request), note.warnings);
  const result = await createTag(prisma, program.id, input, apiKeyActor(publicKey));
  if (!result.ok) throw refusalError(result);
  note.message = `Created tag ${result.tag.name}`;
  return apiResponse(result.tag, "Tag created", { warnings: note.warnings });
});
