/**
 * The downloads this page started and has not yet seen begin. The browser downloads the file
 * itself (no fetch into memory), so the page learns that the response has started from the cookie
 * the export route sets for the link's `dl` token: `ab_dl=<token>`.
 */

export type DownloadProgress = {
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

// Two responses starting within one poll leave only the later token in the one `ab_dl` cookie;
// where the Cookie Store API exists, its change events see every value, so none is missed.
const seenTokens = new Set<string>();
let listening = false;

function listenForTokens() {
  if (listening || typeof cookieStore === "undefined") return;
  listening = true;
  cookieStore.addEventListener("change", (event) => {
    for (const cookie of event.changed) {
      if (cookie.name === "ab_dl" && cookie.value && timers.has(cookie.value)) {
        seenTokens.add(cookie.value);
      }
    }
  });
}

function responseStarted(token: string) {
  return seenTokens.has(token) || document.cookie.split(/;\s*/).includes(`ab_dl=${token}`);
}

/**
 * Follows one download until its response starts: shown after a second, called slow after two
 * minutes (kept, with a dismiss button, until it starts or is dismissed).
 */
export function watchDownload(token: string, file: string) {
  const startedAt = Date.now();
  listenForTokens();
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
  seenTokens.delete(token);
  publish(downloads.filter((d) => d.token !== token));
}
