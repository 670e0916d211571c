/**
 * The ⋮ menu of a tile or of the tab: plain links to GET URLs, so the browser's download manager
 * shows progress, it works without JavaScript (<details>), and the URL can be shared.
 */
export function DownloadMenu({
  label,
  links,
}: {
  label: string;
  links: { href: string; text: string }[];
}) {
  return (
    <details className="relative">
      <summary
        aria-label={`Download ${label}`}
        title={`Download ${label}`}
        className="flex h-7 w-7 cursor-pointer list-none items-center justify-center rounded-md text-gray-500 hover:bg-gray-100 dark:hover:bg-gray-800 [&::-webkit-details-marker]:hidden"
      >
        <span aria-hidden="true">⋮</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-48 rounded-md border border-gray-200 bg-white py-1 shadow-lg dark:border-gray-700 dark:bg-gray-900">
        <p className="px-3 py-1 text-xs font-medium uppercase tracking-wide text-gray-500">
          Download
        </p>
        {links.map((link) => (
          <a
            key={link.href}
            href={link.href}
            download
            className="block px-3 py-2 text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
          >
            {link.text}
          </a>
        ))}
      </div>
    </details>
  );
}

export function exportLinks(
  base: string,
  tile: string,
  query: string,
  formats: ("csv" | "pdf" | "zip")[] = ["csv", "pdf"],
) {
  const text = { csv: "CSV", pdf: "PDF", zip: "CSV (zip of every tile)" };
  return formats.map((format) => ({
    href: `${base}/export/${tile}.${format}${query ? `?${query}` : ""}`,
    text: text[format],
  }));
}
