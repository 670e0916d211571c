// Reads /metrics the way Prometheus would (parse-prometheus-text-format), for tests: the families
// by name, and one sample's value by its labels. That parser folds all series of a histogram into
// one (their labels lost), so a histogram's series are also read with its TYPE line left out:
// then its `_count`, `_sum` and `_bucket` lines come back as families of their own, labels kept.
import parsePrometheusTextFormat from "parse-prometheus-text-format";

export interface MetricFamily {
  name: string;
  help: string;
  type: "COUNTER" | "GAUGE" | "HISTOGRAM" | "SUMMARY" | "UNTYPED";
  metrics: { value?: string; labels?: Record<string, string> }[];
}

export type Scrape = Map<string, MetricFamily>;

/** The families of a /metrics answer as the parser reads them (a histogram's series folded). */
export const metricFamilies = (text: string) => parsePrometheusTextFormat(text) as MetricFamily[];
const parse = metricFamilies;

/** The families of a /metrics answer by name, each histogram's `<name>_count` series too. */
export function parseMetrics(text: string): Scrape {
  const families = parse(text);
  const scrape: Scrape = new Map(families.map((family) => [family.name, family]));
  const histograms = families.filter((f) => f.type === "HISTOGRAM").map((f) => f.name);
  const untyped = text
    .split("\n")
    .filter((line) => !histograms.some((name) => line === `# TYPE ${name} histogram`))
    .join("\n");
  for (const family of parse(untyped)) {
    if (!histograms.some((name) => family.name === `${name}_count`)) continue;
    // Each series' lines make a family of their own: gather them under one name.
    const gathered = scrape.get(family.name);
    if (gathered) gathered.metrics.push(...family.metrics);
    else scrape.set(family.name, { ...family, metrics: [...family.metrics] });
  }
  return scrape;
}

const sameLabels = (a: Record<string, string> = {}, b: Record<string, string>) =>
  Object.keys(b).every((name) => a[name] === b[name]);

/**
 * The sum of `name`'s samples that have (at least) `labels`; 0 when there is none (a counter not
 * yet incremented). For a histogram, ask for `<name>_count`.
 */
export function sampleOf(scrape: Scrape, name: string, labels: Record<string, string> = {}) {
  return (scrape.get(name)?.metrics ?? [])
    .filter((m) => sameLabels(m.labels, labels))
    .reduce((sum, m) => sum + Number(m.value), 0);
}
