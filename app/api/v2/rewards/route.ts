// GET /api/v2/rewards — rewards filtered by partnership, action type and status, cursor-paged
import { apiResponse } from "@/lib/api/envelope";
import { parseInput, searchParamsObject } from "@/lib/api/parse-input";
import { listRewardsQuery } from "@/lib/schemas/rewards";
import { withApiKey } from "@/lib/api/with-api-key";
import { listRewards } from "@/lib/rewards/list-rewards";

export const GET = withApiKey(async ({ prisma, program, url }) =>
  apiResponse(
    await listRewards(prisma, program.id, parseInput(listRewardsQuery, searchParamsObject(url))),
  ),
);
