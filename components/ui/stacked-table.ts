// Classes that turn a table into stacked cards on phones (below `sm`): each row a card, each
// cell a line led by its column's name (`data-label`), so nothing hides off to the side.
export const stacked = {
  table: "max-sm:block",
  head: "max-sm:hidden",
  body: "max-sm:block",
  row: "max-sm:block max-sm:py-2",
  cell:
    "max-sm:flex max-sm:max-w-none max-sm:gap-3 max-sm:whitespace-normal max-sm:py-1 " +
    "max-sm:before:w-24 max-sm:before:shrink-0 max-sm:before:text-xs max-sm:before:font-semibold " +
    "max-sm:before:uppercase max-sm:before:text-gray-500 max-sm:before:content-[attr(data-label)]",
};
