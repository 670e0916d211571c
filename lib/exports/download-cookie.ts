/** The query parameter the ⋮ menu adds to a download's URL, and the cookie that answers it. */
const DOWNLOAD_TOKEN_PARAM = "dl";
/** One cookie per token (`ab_dl_<token>`), so downloads starting together never overwrite one another. */
const DOWNLOAD_COOKIE_PREFIX = "ab_dl_";
const TOKEN = /^[A-Za-z0-9]{8,32}$/;

/**
 * Marks a download's response (the file or an error page) with the token its link carried, so the
 * page that started it can tell the file has started: the browser's download manager takes over
 * from there. A token that is not one of ours is ignored.
 */
export function withDownloadCookie(response: Response, url: URL): Response {
  const token = url.searchParams.get(DOWNLOAD_TOKEN_PARAM);
  if (token && TOKEN.test(token)) {
    response.headers.append(
      "Set-Cookie",
      `${DOWNLOAD_COOKIE_PREFIX}${token}=1; Path=/; Max-Age=120; SameSite=Lax`,
    );
  }
  return response;
}
