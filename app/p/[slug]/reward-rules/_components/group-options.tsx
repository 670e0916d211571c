/** A rule's group choices: every group, or one of the program's (by key). */
export function GroupOptions({ groups }: { groups: { key: string; name: string }[] }) {
  return (
    <>
      <option value="">Every group</option>
      {groups.map((g) => (
        <option key={g.key} value={g.key}>
          {g.name}
        </option>
      ))}
    </>
  );
}
