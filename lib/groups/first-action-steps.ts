/** One request of the way from a new program to its first counted action. */
export interface FirstActionStep {
  title: string;
  method: "POST";
  /** Under the server, e.g. `/api/v2/partnerships`. */
  path: string;
  body: Record<string, unknown>;
  /** The same request as a shell line; the secret stays in `$ACTIONBOARD_SECRET_KEY`. */
  curl: string;
}

/** Quoted for a POSIX shell: single quotes, each `'` written as `'\''`. */
const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The exact calls, in order, that take a program from nothing to its first counted action,
 * once an owner has created an API key (API keys page): a partnership with no group (it joins
 * the program's default group, key `default`), a customer it referred, and an action of that
 * customer. The action has a key, so running its line again replays it instead of counting twice.
 * `publicKey` fills the key's public half in; without it the lines read it from
 * `$ACTIONBOARD_PUBLIC_KEY`. The secret is never written out.
 */
export function firstActionSteps(baseUrl: string, publicKey?: string): FirstActionStep[] {
  const base = baseUrl.replace(/\/+$/, "");
  const user = `${publicKey ?? "$ACTIONBOARD_PUBLIC_KEY"}:$ACTIONBOARD_SECRET_KEY`;
  const step = (title: string, path: string, body: Record<string, unknown>): FirstActionStep => ({
    title,
    method: "POST",
    path,
    body,
    curl: [
      `curl -u "${user}"`,
      `-H 'Content-Type: application/json'`,
      `-d ${shellQuoted(JSON.stringify(body))}`,
      shellQuoted(`${base}${path}`),
    ].join(" \\\n  "),
  });
  return [
    step("Add a partner (no group: it joins the default group)", "/api/v2/partnerships", {
      partner_key: "first-partner",
      email: "first.partner@example.com",
      first_name: "First",
      last_name: "Partner",
    }),
    step("Add a customer the partner referred", "/api/v2/customers", {
      customer_key: "first-customer",
      partner_key: "first-partner",
      email: "first.customer@example.com",
      name: "First customer",
    }),
    step("Record the customer's first action", "/api/v2/actions", {
      key: "first-action",
      target_key: "first-customer",
      target_type: "customer",
      type: "signup_completed",
    }),
  ];
}
