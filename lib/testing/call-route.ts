type RouteHandler<P> = (
  request: Request,
  context: { params: Promise<P> },
) => Promise<Response> | Response;

export interface CallOptions<P = Record<string, string>> {
  auth?: string;
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
  params?: P;
}

/**
 * Calls a route handler with a real `Request`, as Next would, and decodes the JSON answer.
 */
export async function callRoute<P extends Record<string, string>>(
  handler: RouteHandler<P>,
  method: string,
  path: string,
  options: CallOptions<P> = {},
) {
  const headers = new Headers(options.headers);
  if (options.auth) headers.set("authorization", options.auth);
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    body = options.rawBody ?? JSON.stringify(options.body);
    if (options.contentType !== null)
      headers.set("content-type", options.contentType ?? "application/json");
  }
  const request = new Request(`http://localhost${path}`, { method, headers, body });
  const response = await handler(request, {
    // Like Next: a route without dynamic segments gets no params at all.
    params: Promise.resolve(options.params) as Promise<P>,
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  const json: any = text ? JSON.parse(text) : null;
  return { status: response.status, headers: response.headers, json };
}
