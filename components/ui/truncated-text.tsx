/**
 * One line, cut with an ellipsis where the box ends, never broken mid-word. The full text shows
 * on hover (`title`) and on keyboard focus: the element is focusable and unfolds while focused.
 * Give it a width limit (`max-w-*`) or a shrinking flex parent.
 */
export const truncatedClass =
  "block truncate focus:whitespace-normal focus:[overflow-wrap:anywhere] focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-500";

export function TruncatedText({ text, className = "" }: { text: string; className?: string }) {
  return (
    <span tabIndex={0} title={text} className={`${truncatedClass} ${className}`}>
      {text}
    </span>
  );
}
