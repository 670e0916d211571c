import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

/** A server action of the build the e2e servers run, and the page patterns that can invoke it. */
export interface ServerAction {
  id: string;
  file: string;
  name: string;
  pages: string[];
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

/** Every server action of the current build (`.next`), read from Next's server reference manifest. */
export function listServerActions(root = process.cwd()): ServerAction[] {
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({
      id,
      file: entry.filename,
      name: entry.exportedName,
      pages: Object.keys(entry.workers)
        .filter((worker) => worker.endsWith("/page"))
        .map((worker) => worker.replace(/^app/, "").replace(/\/page$/, "") || "/"),
    }))
    .sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}

/** A FormData argument of a server action (what a `<form action>` submits). */
export class FormFields {
  constructor(readonly fields: Record<string, string | number | bigint>) {}
}

/**
 * The multipart body React's `encodeReply` sends for these arguments: each FormData as `$K<n>`
 * with its fields in parts `_<n>_<field>`, then the argument list as JSON in part `0`. The root
 * comes last on purpose: the server decodes it as soon as it arrives, with the fields read so far.
 */
export function encodeActionArgs(args: unknown[]): FormData {
  const body = new FormData();
  let next = 1;
  const json = JSON.stringify(args, (_key, value: unknown) => {
    if (value instanceof FormFields) {
      const id = (next++).toString(16);
      for (const [field, v] of Object.entries(value.fields))
        body.append(`_${id}_${field}`, String(v));
      return `$K${id}`;
    }
    return typeof value === "string" && value.startsWith("$") ? `$${value}` : value;
  });
  body.append("0", json);
  return body;
}

/**
 * Calls a server action the way the browser does (POST to a page with `Next-Action`), whatever
 * the page offers: bound arguments are sent by the client, so a caller can send any.
 */
export function callServerAction(
  request: APIRequestContext,
  origin: string,
  pagePath: string,
  action: ServerAction,
  args: unknown[],
) {
  return request.post(pagePath, {
    multipart: encodeActionArgs(args),
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: origin },
    maxRedirects: 0,
  });
}
