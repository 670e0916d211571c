import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest (measured: `npx vitest run --reporter=json`), longest first. Vitest
 * orders by the durations it cached in an earlier run; a fresh clone (CI) has none and would order
 * by file size, leaving a two-minute file for the end while the other worker idles.
 */
export const LONGEST_FILES = [
  "lib/stats/engines-agree.test.ts",
  "app/api/v2/tests/partnerstack-import.test.ts",
  "lib/seed/seed-demo.test.ts",
  "scripts/lib/command-line.test.ts",
  "lib/deliveries/deliveries-faults.test.ts",
  "lib/stats/drill-order.test.ts",
  "app/deliveries/deliveries-email.test.ts",
  "lib/stats/query.test.ts",
  "app/api/v2/tests/fuzz.test.ts",
  "lib/partnerstack/store-pages.test.ts",
  "lib/setup/setup.test.ts",
  "app/deliveries/deliveries-webhook.test.ts",
];

/** Vitest's own order (cached durations, then size), after the known longest files. */
export default class LongestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FILES.findIndex((name) => file.moduleId.endsWith(`/${name}`));
      return at === -1 ? LONGEST_FILES.length : at;
    };
    return sorted
      .map((file, order) => ({ file, order, rank: rank(file) }))
      .sort((a, b) => a.rank - b.rank || a.order - b.order)
      .map(({ file }) => file);
  }
}
