// What the Actions tab counts, read over HTTP as a signed-in viewer (whichever engine the server
// uses: with ANALYTICS_URL set, ClickHouse), for the ingestion benchmark's freshness checks.

/** Signs in through next-auth's credentials flow; returns the session cookie header. */
export async function signInOverHttp(base: URL, email: string, password: string) {
  const csrf = await fetch(new URL("/api/auth/csrf", base));
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(new URL("/api/auth/callback/credentials", base), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in as ${email} failed (${response.status}).`);
  return [...cookies, session].join("; ");
}

/** Live actions the tab counts for the program, any time (received after epoch ms `since`). */
export async function tabCount(base: URL, slug: string, cookie: string, since = 1) {
  const url = new URL(`/p/${slug}/actions/new-count?timeframe=any_time&since=${since}`, base);
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return ((await response.json()) as { count: number }).count;
}
