import "server-only";
import { NextRequest } from "next/server";
import { jsonObjectText } from "./json-object-text";

/**
 * A password sign-in as the app reads it, once: the fields next-auth will see and the account the
 * limit counts. Both the limit and the password check use this one reading — next-auth is handed a
 * request rebuilt from exactly these fields — so no body can be counted under one account and
 * checked under another (a JSON body, a form with two `email` fields).
 */
export type SignInAttempt =
  | { ok: true; email: string; fields: Record<string, string>; request: NextRequest }
  | { ok: false; status: 400 | 413 | 415; field?: string; message: string };

/** Far above any real sign-in form (a CSRF token, a callback URL, an email, a password). */
const MAX_BODY_BYTES = 16 * 1024;

const refuse = (status: 400 | 413 | 415, message: string, field?: string): SignInAttempt => ({
  ok: false,
  status,
  field,
  message,
});

type Refusal = Exclude<SignInAttempt, { ok: true }>;

async function readFields(request: Request): Promise<{ fields: Record<string, string> } | Refusal> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const json = type === "application/json";
  if (!json && type !== "application/x-www-form-urlencoded") {
    return refuse(415, "send the sign-in as a form (application/x-www-form-urlencoded) or JSON");
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES)
    return refuse(413, `a sign-in body holds at most ${MAX_BODY_BYTES} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return refuse(413, `a sign-in body holds at most ${MAX_BODY_BYTES} bytes`);
  }
  const fields: Record<string, string> = {};
  if (json) {
    const body = jsonObjectText(text);
    if ("problem" in body) return refuse(400, body.problem);
    for (const [name, value] of Object.entries(body.object)) {
      if (typeof value !== "string") return refuse(400, `${name} must be text`, name);
      fields[name] = value;
    }
    return { fields };
  }
  for (const [name, value] of new URLSearchParams(text)) {
    if (name in fields) return refuse(400, `${name} was sent more than once`, name);
    fields[name] = value;
  }
  return { fields };
}

export async function readSignInAttempt(request: Request): Promise<SignInAttempt> {
  const read = await readFields(request);
  if (!("fields" in read)) return read;
  const { fields } = read;
  const headers = new Headers(request.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  return {
    ok: true,
    // As verify-credentials.ts reads it.
    email: (fields.email ?? "").trim().toLowerCase(),
    fields,
    request: new NextRequest(request.url, {
      method: "POST",
      headers,
      body: new URLSearchParams(fields).toString(),
    }),
  };
}
