import Link from "next/link";
import type { MemberProgram } from "@/lib/programs/list-member-programs";
import { Menu } from "../ui/menu";

export function ProgramSwitcher({
  current,
  programs,
}: {
  current: { slug: string; name: string };
  programs: MemberProgram[];
}) {
  return (
    <Menu
      label={`Program: ${current.name}. Switch program`}
      align="left"
      button={<span className="font-semibold">{current.name}</span>}
    >
      <p className="px-3 py-1 text-xs font-medium uppercase tracking-wide text-gray-500">
        Your programs
      </p>
      {programs.map((program) => (
        <Link
          key={program.slug}
          href={`/p/${program.slug}/actions`}
          aria-current={program.slug === current.slug ? "page" : undefined}
          className="flex items-center justify-between px-3 py-2 text-sm hover:bg-gray-100 aria-[current=page]:font-semibold dark:hover:bg-gray-800"
        >
          <span>{program.name}</span>
          <span className="text-xs text-gray-500">{program.role}</span>
        </Link>
      ))}
      {/* Owners create further programs (the rule of app/programs/new). */}
      {programs.some((program) => program.role === "owner") && (
        <Link
          href="/programs/new"
          className="mt-1 block border-t border-gray-200 px-3 py-2 text-sm text-blue-600 hover:bg-gray-100 dark:border-gray-800 dark:hover:bg-gray-800"
        >
          New program…
        </Link>
      )}
    </Menu>
  );
}
