// GET /p/{slug}/actions/new-count?<tab filters>&since=<epoch ms> — actions received since a view was read
import { loadView } from "@/lib/stats/load-view";
import { countNewActions } from "@/lib/stats/count-new-actions";
import { programRoute } from "@/lib/programs/program-route";

export const GET = programRoute(async (request, { program, sources }) => {
  const url = new URL(request.url);
  const since = Number(url.searchParams.get("since"));
  if (!Number.isInteger(since) || since <= 0 || since > Date.now() + 60_000) {
    return Response.json(
      { message: "since must be epoch milliseconds, not in the future", status: 400 },
      { status: 400 },
    );
  }
  // The view's own moment fixes its window, so "past 30 days" means the same days as on screen.
  const { scope, analytics } = await loadView(
    await sources(),
    program,
    Object.fromEntries(url.searchParams),
    { now: since },
  );
  if (analytics.unavailable) {
    return Response.json(
      { message: `The analytics engine cannot be reached: ${analytics.unavailable}`, status: 503 },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  const count = await countNewActions(scope, since);
  return Response.json({ count }, { headers: { "Cache-Control": "no-store" } });
});
