"use client";

import { useContext, type MouseEvent, type ReactNode } from "react";
import { CloseDownloadMenu } from "./download-disclosure";
import { newDownloadToken, watchDownload, withDownloadToken } from "./download-progress";

/** `tab.pdf` for `/p/acme/actions/export/tab.pdf?timeframe=…`. */
const fileOf = (href: string) => decodeURIComponent(href.split("?")[0].split("/").pop() ?? "");

/**
 * A plain `<a href download>` (it works before and without JavaScript). A click gives the URL a
 * fresh `dl` token just before the browser follows it, so the page can tell when the response
 * starts and show that a slow file is being prepared; the browser still downloads the file itself.
 */
export function DownloadLink({ href, children }: { href: string; children: ReactNode }) {
  const closeMenu = useContext(CloseDownloadMenu);

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Modified clicks (new tab, save as…) stay the browser's own.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    const link = event.currentTarget;
    const token = newDownloadToken();
    link.href = withDownloadToken(href, token);
    watchDownload(token, fileOf(href));
    closeMenu();
    // The browser reads the href as soon as this handler returns; afterwards the link is the
    // shareable URL again and the next click gets its own token.
    window.setTimeout(() => link.setAttribute("href", href), 0);
  };

  return (
    <a
      href={href}
      download
      onClick={onClick}
      className="block px-3 py-2 text-sm hover:bg-gray-100 focus-visible:bg-gray-100 dark:hover:bg-gray-800 dark:focus-visible:bg-gray-800"
    >
      {children}
    </a>
  );
}
