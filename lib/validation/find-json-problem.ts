import { storableTextProblem } from "./storable-text";

interface JsonProblem {
  /** Where the problem is, from the value passed in (empty: the value itself). */
  path: (string | number)[];
  message: string;
}

interface Node {
  value: unknown;
  /** Containers above this value; the value passed in has none. */
  depth: number;
  parent: Node | null;
  key: string | number | null;
}

function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Node | null = node; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The first reason, in document order, why a parsed JSON value cannot be stored as sent: nested
 * deeper than `maxDepth` containers (reported at the top-level field holding them), or a
 * "__proto__" key; with `storable`, also a string or key PostgreSQL refuses (NUL) or would alter
 * (an unpaired surrogate), or a number JSON.parse turned into Infinity.
 *
 * Iterative on purpose: JSON.parse builds a 100,000-deep value without complaint, and a
 * recursive walk of it would exhaust the stack.
 */
export function findJsonProblem(
  value: unknown,
  options: { maxDepth: number; storable: boolean },
): JsonProblem | null {
  const stack: Node[] = [{ value, depth: 0, parent: null, key: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // JSON.parse keeps "__proto__" as a key, but schema parsing copies objects and skips it: the
    // field would vanish without a word. Refused instead, in every mode.
    if (node.key === "__proto__") return { path: pathOf(node), message: "is not an allowed key" };
    if (options.storable && typeof node.key === "string") {
      const problem = storableTextProblem(node.key);
      if (problem) return { path: pathOf(node), message: `key ${problem}` };
    }
    const v = node.value;
    if (typeof v === "string") {
      const problem = options.storable ? storableTextProblem(v) : null;
      if (problem) return { path: pathOf(node), message: problem };
    } else if (typeof v === "number") {
      if (options.storable && !Number.isFinite(v))
        return { path: pathOf(node), message: "is too large a number" };
    } else if (v !== null && typeof v === "object") {
      if (node.depth >= options.maxDepth) {
        // The field that holds the deep value: its full path would be as long as the nesting.
        return {
          path: pathOf(node).slice(0, 1),
          message: `is nested more than ${options.maxDepth} levels deep`,
        };
      }
      const entries: [string | number, unknown][] = Array.isArray(v)
        ? v.map((item, index) => [index, item])
        : Object.entries(v);
      // Reversed onto the stack, so the first problem found is the first in the document.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        stack.push({ value: child, depth: node.depth + 1, parent: node, key });
      }
    }
  }
  return null;
}
