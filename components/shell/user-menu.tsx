import { Menu } from "../ui/menu";
import { SignOutButton } from "./sign-out-button";

/** "Demo Owner" → "DO": the button on phones, where the header has no room for the name. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return (
    words.length > 1 ? words[0][0] + words[words.length - 1][0] : name.slice(0, 2)
  ).toUpperCase();
}

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  return (
    <Menu
      label={`Account: ${user.name}`}
      button={
        <>
          <span
            aria-hidden="true"
            className="flex h-7 w-7 items-center justify-center rounded-full bg-blue-100 text-xs font-semibold text-blue-700 sm:hidden dark:bg-blue-950 dark:text-blue-300"
          >
            {initials(user.name)}
          </span>
          <span className="max-sm:hidden">{user.name}</span>
        </>
      }
    >
      <div className="border-b border-gray-200 px-3 py-2 text-sm dark:border-gray-700">
        <p className="font-medium">{user.name}</p>
        <p className="text-gray-500">{user.email}</p>
      </div>
      <div className="px-3 py-2">
        <a
          href="/account"
          className="block w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-gray-100 dark:hover:bg-gray-800"
        >
          Your account
        </a>
        <SignOutButton className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-gray-100 dark:hover:bg-gray-800" />
      </div>
    </Menu>
  );
}
