import { Menu } from "../ui/menu";
import { SignOutButton } from "./sign-out-button";

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  return (
    <Menu label={`Account: ${user.name}`} button={<span>{user.name}</span>}>
      <div className="border-b border-gray-200 px-3 py-2 text-sm dark:border-gray-700">
        <p className="font-medium">{user.name}</p>
        <p className="text-gray-500">{user.email}</p>
      </div>
      <div className="px-3 py-2">
        <SignOutButton className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-gray-100 dark:hover:bg-gray-800" />
      </div>
    </Menu>
  );
}
