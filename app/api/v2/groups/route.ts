// GET /api/v2/groups — the program's partner groups
import { apiResponse } from "@/lib/api/envelope";
import { withApiKey } from "@/lib/api/with-api-key";
import { listGroups } from "@/lib/groups/list-groups";

export const GET = withApiKey(async ({ prisma, program }) =>
  apiResponse(await listGroups(prisma, program.id)),
);
