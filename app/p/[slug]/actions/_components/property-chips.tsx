import { propertyPairs } from "@/lib/stats/property-text";

/**
 * An action's properties as `key=value` chips, in the files' order. A chip never breaks inside
 * (chips wrap between each other); a long one is cut with an ellipsis and whole on hover.
 */
export function PropertyChips({ properties }: { properties: Record<string, string> }) {
  const pairs = propertyPairs(properties);
  if (!pairs.length) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Properties">
      {pairs.map((pair) => (
        <li
          key={pair}
          title={pair}
          className="max-w-40 truncate whitespace-nowrap rounded bg-gray-100 px-1.5 py-0.5 font-mono text-xs text-gray-700 dark:bg-gray-800 dark:text-gray-200"
        >
          {pair}
        </li>
      ))}
    </ul>
  );
}
