/**
 * The downloads this page started and has not yet seen begin. The browser downloads the file
 * itself (no fetch into memory), so the page learns that the response has started from the cookie
 * the export route sets for the link's `dl` token: `ab_dl_<token>=1`.
 */

type DownloadProgress = {
  token: string;
  /** The file the link names, e.g. `tab.pdf`. */
  file: string;
  /** `waiting`: under a second, nothing shown; `preparing`: spinner; `slow`: past two minutes. */
  state: "waiting" | "preparing" | "slow";
};

const SHOW_AFTER_MS = 1_000;
const POLL_MS = 250;
const SLOW_AFTER_MS = 120_000;
const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

let downloads: DownloadProgress[] = [];
const timers = new Map<string, number>();
const listeners = new Set<() => void>();
const NONE: DownloadProgress[] = [];

function publish(next: DownloadProgress[]) {
  downloads = next;
  for (const listener of listeners) listener();
}

export function subscribeToDownloads(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const getDownloads = () => downloads;
export const getServerDownloads = () => NONE;

/** 16 characters of [A-Za-z0-9] (the route accepts 8–32); getRandomValues works on plain http. */
export function newDownloadToken() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => TOKEN_ALPHABET[b % TOKEN_ALPHABET.length]).join("");
}

/** The link's URL with `dl=<token>` appended, leaving the filters' encoding untouched. */
export function withDownloadToken(href: string, token: string) {
  return `${href}${href.includes("?") ? "&" : "?"}dl=${token}`;
}

/** The route answers a token with its own cookie, `ab_dl_<token>`: several at once never clash. */
function responseStarted(token: string) {
  const name = `ab_dl_${token}`;
  if (!document.cookie.split(/;\s*/).some((c) => c.startsWith(`${name}=`))) return false;
  document.cookie = `${name}=; Max-Age=0; Path=/; SameSite=Lax`;
  return true;
}

/**
 * Follows one download until its response starts: shown after a second, called slow after two
 * minutes (kept, with a dismiss button, until it starts or is dismissed).
 */
export function watchDownload(token: string, file: string) {
  const startedAt = Date.now();
  publish([...downloads, { token, file, state: "waiting" }]);
  const timer = window.setInterval(() => {
    if (responseStarted(token)) return dismissDownload(token);
    const elapsed = Date.now() - startedAt;
    const state =
      elapsed >= SLOW_AFTER_MS ? "slow" : elapsed >= SHOW_AFTER_MS ? "preparing" : "waiting";
    if (downloads.some((d) => d.token === token && d.state !== state)) {
      publish(downloads.map((d) => (d.token === token ? { ...d, state } : d)));
    }
  }, POLL_MS);
  timers.set(token, timer);
}

export function dismissDownload(token: string) {
  window.clearInterval(timers.get(token));
  timers.delete(token);
  publish(downloads.filter((d) => d.token !== token));
}
