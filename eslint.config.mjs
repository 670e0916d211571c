import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const ENGINE_INTERNALS = {
  regex: "(^|/)stats/(postgres|clickhouse)/",
  message: "Use lib/stats's public modules, not an engine's internals.",
};
const APP = {
  regex: "^(\\.\\./)+app/|^@/app/",
  message: "lib/ and components/ never import app/.",
};

function importRules(dirs, patterns, ignores) {
  return [
    {
      files: dirs.map((dir) => `${dir}/**/*.{ts,tsx,mjs}`),
      ignores,
      rules: { "no-restricted-imports": ["error", { patterns }] },
    },
  ];
}

const config = [
  {
    ignores: [
      ".next/**",
      "lib/generated/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  // The statistics layer's engines are its own business: everyone else asks lib/stats's public
  // modules (get-*.ts, the engine's methods, engines.ts to build one over a source). And lib/
  // and components/ never import app/ (the rooms use the shared code, not the other way).
  ...importRules(["app", "scripts", "e2e"], [ENGINE_INTERNALS], ["scripts/bench/baseline-csv.ts"]),
  ...importRules(["lib", "components"], [ENGINE_INTERNALS, APP], ["lib/stats/**"]),
  ...importRules(["lib/stats"], [APP], []),
];

export default config;
