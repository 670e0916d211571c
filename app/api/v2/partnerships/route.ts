// GET /api/v2/partnerships — list partnerships (include_archived), cursor-paged
// POST /api/v2/partnerships — create a partnership
import { apiResponse } from "@/lib/api/envelope";
import { parseInput, searchParamsObject } from "@/lib/api/parse-input";
import { readJsonBody } from "@/lib/api/read-json-body";
import { createPartnershipSchema, listPartnershipsQuery } from "@/lib/api/schemas/partnerships";
import { withApiKey } from "@/lib/api/with-api-key";
import { createPartnership } from "@/lib/partnerships/create-partnership";
import { listPartnerships } from "@/lib/partnerships/list-partnerships";

export const GET = withApiKey(async ({ prisma, program, url }) =>
  apiResponse(
    await listPartnerships(
      prisma,
      program.id,
      parseInput(listPartnershipsQuery, searchParamsObject(url)),
    ),
  ),
);

export const POST = withApiKey(async ({ prisma, program, request, note }) => {
  const input = parseInput(createPartnershipSchema, await readJsonBody(request));
  const partnership = await createPartnership(prisma, program.id, input);
  note.message = `Created partnership ${partnership.partner_key}`;
  return apiResponse(partnership, "Partnership created");
});
