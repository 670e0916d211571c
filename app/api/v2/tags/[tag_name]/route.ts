// PATCH /api/v2/tags/{tag_name} — rename, archive or restore a tag (Actionboard extension)
import { apiResponse } from "@/lib/api/envelope";
import { parseBody } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { refusalError } from "@/lib/errors/refusal";
import { updateTagSchema } from "@/lib/schemas/tags";
import { withApiKey } from "@/lib/api/with-api-key";
import { apiKeyActor } from "@/lib/audit/api-key-actor";
import { updateTag } from "@/lib/tags/update-tag";

export const PATCH = withApiKey<{ tag_name: string }>(
  async ({ prisma, program, publicKey, params, request, note }) => {
    const input = parseBody(updateTagSchema, await readJsonBody(request), note.warnings);
    const name = params.tag_name;
    const result = await updateTag(prisma, program.id, { name }, input, apiKeyActor(publicKey));
    if (!result.ok) throw refusalError(result);
    note.message = `Updated tag ${name}`;
    return apiResponse(result.tag, "Tag updated", { warnings: note.warnings });
  },
);
