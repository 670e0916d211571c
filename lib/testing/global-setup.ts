import type { TestProject } from "vitest/node";
import { detectEngines, type Engine } from "./engines";

declare module "vitest" {
  export interface ProvidedContext {
    engines: Engine[];
  }
}

export default async function setup(project: TestProject) {
  project.provide("engines", await detectEngines());
}
