// GET|PATCH /api/v2/partnerships/{partner_key} — read or update (incl. archive) one partnership
import { apiResponse } from "@/lib/api/envelope";
import { parseInput } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { updatePartnershipSchema } from "@/lib/api/schemas/partnerships";
import { withApiKey } from "@/lib/api/with-api-key";
import { getPartnership } from "@/lib/partnerships/get-partnership";
import { updatePartnership } from "@/lib/partnerships/update-partnership";

type Params = { partner_key: string };

export const GET = withApiKey<Params>(async ({ prisma, program, params }) =>
  apiResponse(await getPartnership(prisma, program.id, params.partner_key)),
);

export const PATCH = withApiKey<Params>(async ({ prisma, program, params, request, note }) => {
  const input = parseInput(updatePartnershipSchema, await readJsonBody(request));
  note.message = `Updated partnership ${params.partner_key}`;
  return apiResponse(
    await updatePartnership(prisma, program.id, params.partner_key, input),
    "Partnership updated",
  );
});
