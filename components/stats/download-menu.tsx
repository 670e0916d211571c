import { DownloadDisclosure } from "./download-disclosure";
import { DownloadLink } from "./download-link";

/**
 * The ⋮ menu of a tile or of the tab: real links to GET URLs, so the browser's download manager
 * shows progress, it works without JavaScript (<details>), and the URL can be shared. With
 * JavaScript the menu closes after a choice and a slow file shows a status line
 * (`DownloadStatus`, mounted once per page).
 */
export function DownloadMenu({
  label,
  links,
}: {
  label: string;
  links: { href: string; text: string }[];
}) {
  return (
    <DownloadDisclosure label={label}>
      {links.map((link) => (
        <DownloadLink key={link.href} href={link.href}>
          {link.text}
        </DownloadLink>
      ))}
    </DownloadDisclosure>
  );
}

const FORMATS = {
  csv: { suffix: ".csv", text: "CSV" },
  // The table's CSV plus one last row of totals (the plain CSV is rows only).
  "csv-with-totals": { suffix: "-with-totals.csv", text: "CSV with totals" },
  pdf: { suffix: ".pdf", text: "PDF" },
  zip: { suffix: ".zip", text: "CSV (zip of every tile)" },
} as const;

export function exportLinks(
  base: string,
  tile: string,
  query: string,
  formats: (keyof typeof FORMATS)[] = ["csv", "pdf"],
) {
  return formats.map((format) => ({
    href: `${base}/export/${tile}${FORMATS[format].suffix}${query ? `?${query}` : ""}`,
    text: FORMATS[format].text,
  }));
}
