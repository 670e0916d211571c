// GET /api/v2/reports/actions — the Actions tab as data: tiles, chart series and the table's page
// for the tab's own URL parameters, over the API key's program.
import { parseInput, searchParamsObject } from "@/lib/api/parse-input";
import { apiResponse } from "@/lib/api/envelope";
import { withApiKey } from "@/lib/api/with-api-key";
import { actionsReport } from "@/lib/reports/actions-report";
import { reportActionsQuery } from "@/lib/reports/report-schema";

export const GET = withApiKey(async ({ sources, program, url }) => {
  const query = parseInput(reportActionsQuery, searchParamsObject(url));
  return apiResponse(await actionsReport(await sources(), program, query));
});
