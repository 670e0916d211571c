// GET /api/v2/rewards — rewards filtered by partnership, action type and status, cursor-paged
import { parseInput, searchParamsObject } from "@/lib/api/parse-input";
import { listRewardsQuery } from "@/lib/schemas/rewards";
import { listResponse } from "@/lib/api/total-count";
import { withApiKey } from "@/lib/api/with-api-key";
import { listRewards } from "@/lib/rewards/list-rewards";

export const GET = withApiKey(async ({ prisma, program, url, request }) => {
  const query = parseInput(listRewardsQuery, searchParamsObject(url));
  return listResponse(request, (count) => listRewards(prisma, program.id, query, count));
});
