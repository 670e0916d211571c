// The ingestion benchmark's last step, on a server with the analytics copy: PostgreSQL's count of
// the program's actions against the Actions tab's (ClickHouse) once the copy has caught up, and
// how long single actions take to become countable on the tab (20 probes, one at a time).
import pg from "pg";
import { postJson, percentile } from "./http-load";
import { benchAction } from "./ingest-fixture";
import { signInOverHttp, tabCount } from "./tab-over-http";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (v: number) => v.toFixed(1);

export async function measureTab(
  base: URL,
  databaseUrl: string,
  program: {
    programId: number;
    slug: string;
    authorization: string;
    viewer: { email: string; password: string };
  },
) {
  const cookie = await signInOverHttp(base, program.viewer.email, program.viewer.password);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const {
    rows: [{ n }],
  } = await client
    .query("SELECT count(*)::int AS n FROM actions WHERE program_id = $1 AND archived_at IS NULL", [
      program.programId,
    ])
    .finally(() => client.end());
  const started = performance.now();
  let shown = await tabCount(base, program.slug, cookie);
  while (shown !== n && performance.now() - started < 120_000) {
    await sleep(100);
    shown = await tabCount(base, program.slug, cookie);
  }
  const agreeMs = performance.now() - started;

  const visible: number[] = [];
  for (let i = 0; i < 20; i++) {
    const since = Date.now() - 1;
    const sent = performance.now();
    const { status } = await postJson(
      base,
      program.authorization,
      "/api/v2/actions",
      benchAction(`v-${i}`, i),
    );
    if (status !== 200) throw new Error(`visibility probe ${i} answered ${status}`);
    while ((await tabCount(base, program.slug, cookie, since)) < 1) {
      if (performance.now() - sent > 30_000) throw new Error("an action stayed uncounted for 30 s");
      await sleep(20);
    }
    visible.push(performance.now() - sent);
  }
  visible.sort((a, b) => a - b);
  const agree = shown === n;
  console.log(`
| the app with the analytics copy (embedded ClickHouse) | result |
| --- | --- |
| PostgreSQL's count vs the tab's, the copy started empty (backfill) | ${n.toLocaleString("en-US")} vs ${shown.toLocaleString("en-US")} — ${agree ? `agree after ${ms(agreeMs)} ms` : "DISAGREE"} |
| single action → countable on the tab (20 probes) | p50 ${ms(percentile(visible, 50))} ms, max ${ms(visible[visible.length - 1])} ms |
`);
  return { agree };
}
