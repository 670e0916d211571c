import "server-only";
import { EXPORT_TILES, TILE_TITLES } from "../exports/tile-exports";

/**
 * What a schedule can send: the files of the tab's ⋮ menus, by their download names (the export
 * route's own names, so a delivery is built by the same code as the download).
 */
export const DELIVERY_FILES: { file: string; label: string }[] = [
  { file: "tab.pdf", label: "Whole tab (PDF)" },
  { file: "tab.zip", label: "Every tile (zip of CSVs)" },
  ...EXPORT_TILES.flatMap((tile) => [
    { file: `${tile}.csv`, label: `${TILE_TITLES[tile]} (CSV)` },
    { file: `${tile}.pdf`, label: `${TILE_TITLES[tile]} (PDF)` },
  ]),
];

export const deliveryFileLabel = (file: string) =>
  DELIVERY_FILES.find((f) => f.file === file)?.label ?? file;
