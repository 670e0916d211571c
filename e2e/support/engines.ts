/**
 * The tag of a spec that shows what the browser does whatever engine counts the numbers (the
 * keyboard, layout, accessibility, saved views, who may download): the `clickhouse` project of
 * playwright.config.ts leaves these out, and runs the specs whose numbers come from the engine.
 * That both engines give the same numbers is lib/stats/engines-agree.test.ts's subject.
 */
export const ONE_ENGINE = { tag: "@one-engine" };
