import type { APIRequestContext, APIResponse } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";

/** One request of the crawler and what its answer must be. */
export interface Probe {
  /** Says in a failure which route and which substitution this was. */
  label: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  data?: unknown;
  /** Null when the status (and body) are acceptable, else what was wrong. */
  expect: (status: number, body: string) => string | null;
  /** Strings that must not appear in the answer (those the request itself carries are dropped). */
  needles: string[];
}

export const statusIn =
  (...allowed: number[]) =>
  (status: number) =>
    allowed.includes(status) ? null : `status ${status}, expected ${allowed.join(" or ")}`;

export const below500 = (status: number) =>
  status < 500 ? null : `status ${status}, expected no server error`;

export const refused4xx = (status: number) =>
  status >= 400 && status < 500 ? null : `status ${status}, expected a refusal (4xx)`;

/** The readable text of an answer: zip archives are unpacked so their CSVs can be searched. */
export function readableBody(bytes: Buffer): string {
  if (bytes.subarray(0, 4).equals(Buffer.from("PK\x03\x04", "latin1"))) {
    const entries = unzipSync(new Uint8Array(bytes));
    return Object.entries(entries)
      .map(([name, content]) => `${name}\n${strFromU8(content)}`)
      .join("\n");
  }
  return bytes.toString("utf8");
}

/** The needles an answer shows, ignoring those the request sent (an echoed key is no leak). */
export function leaks(body: string, needles: string[], request: string): string[] {
  const sent = `${request}\n${safeDecode(request)}`.toLowerCase();
  const text = body.toLowerCase();
  return needles.filter((n) => !sent.includes(n.toLowerCase()) && text.includes(n.toLowerCase()));
}

function safeDecode(text: string) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function send(request: APIRequestContext, probe: Probe): Promise<APIResponse> {
  return request.fetch(probe.url, {
    method: probe.method,
    headers: probe.headers,
    data: probe.data,
    failOnStatusCode: false,
  });
}

/**
 * Sends every probe (a few at a time) and returns one line per failure, so one run lists every
 * route that let something through instead of stopping at the first.
 */
export async function runProbes(request: APIRequestContext, probes: Probe[], parallel = 4) {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++];
      const response = await send(request, probe);
      const body = readableBody(await response.body());
      const wrong = probe.expect(response.status(), body);
      const requestText = [
        probe.url,
        JSON.stringify(probe.data ?? ""),
        ...Object.values(probe.headers ?? {}),
      ].join("\n");
      const found = leaks(body, probe.needles, requestText);
      if (wrong || found.length > 0) {
        failures.push(
          `${probe.method} ${probe.url} (${probe.label}): ${[wrong, found.length ? `shows ${found.join(", ")}` : null].filter(Boolean).join("; ")}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return failures;
}
