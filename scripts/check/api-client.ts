// The checks' HTTP side: one POST to the Actions API, timed, never throwing (a refused or cut
// connection is an answer with status 0), and the answer judged against what was sent.
import type { ExpectedAction, SentAction } from "./expected";

export interface Answer {
  /** HTTP status; 0 when no answer arrived (connection refused, reset or timed out). */
  status: number;
  ms: number;
  replayedHeader: boolean;
  // The envelope as parsed; shapes are checked where it is read.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  error?: string;
}

export async function postJson(
  base: URL,
  authorization: string,
  path: string,
  body: unknown,
  timeoutMs = 120_000,
): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(new URL(path, base), {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text.slice(0, 300);
    }
    return {
      status: response.status,
      ms: performance.now() - started,
      replayedHeader: response.headers.get("idempotent-replayed") === "true",
      json,
    };
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    return {
      status: 0,
      ms: performance.now() - started,
      replayedHeader: false,
      json: null,
      error: `${(error as Error).message}${cause ? `: ${cause.message}` : ""}`,
    };
  }
}

interface ActionData {
  key: string;
  type: string;
  value: number;
  partnership_key: string;
  reward_outcome: { rules: { rule_name: string | null; outcome: string; amount: number | null }[] };
}

/** Problems of an accepted action's `data` against what was sent and what the rules say. */
export function judgeActionData(
  sent: SentAction,
  want: ExpectedAction,
  data: ActionData,
): string[] {
  const problems: string[] = [];
  if (data?.key !== sent.key) return [`${sent.key}: answered for key ${data?.key}`];
  if (data.type !== sent.type || data.value !== sent.value) {
    problems.push(`${sent.key}: answered ${data.type} × ${data.value}`);
  }
  if (data.partnership_key !== want.partnerKey) {
    problems.push(`${sent.key}: answered partnership ${data.partnership_key}`);
  }
  const rewarded = data.reward_outcome.rules.filter((r) => r.outcome === "rewarded");
  const cents = rewarded.reduce((sum, r) => sum + (r.amount ?? 0), 0);
  if (cents !== want.rewardCents || rewarded.length !== want.rewards.size) {
    problems.push(
      `${sent.key}: answered ${rewarded.length} rewards, ${cents} cents; expected ${want.rewards.size}, ${want.rewardCents}`,
    );
  }
  return problems;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
