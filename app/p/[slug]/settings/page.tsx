import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { programChoices } from "@/lib/programs/program-choices";
import { getProgramSettings } from "@/lib/programs/get-program-settings";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canEditProgramSettings } from "@/lib/programs/roles";
import { DeleteProgramForm } from "./_components/delete-program-form";
import { SettingsForm } from "./_components/settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage(props: ProgramPageProps) {
  const { slug, program, role, db, query } = await openProgramPage(props);
  const settings = await getProgramSettings(db.prisma, program.id);
  const owner = canEditProgramSettings(role);
  const currencyLocked =
    settings.rewardCount > 0
      ? `Locked: the program has ${settings.rewardCount.toLocaleString("en")} reward${settings.rewardCount === 1 ? "" : "s"} in ${program.currency}, so its currency cannot change.`
      : undefined;

  return (
    <section className="space-y-6">
      <PageHeader
        title="Settings"
        description="The program’s name, address, time zone and currency."
      />
      {!owner ? (
        <div className={`${cardClass} space-y-4 p-6 text-sm`}>
          <p className="text-gray-600 dark:text-gray-400">
            Only program owners can change these settings. Your role in {program.name} is {role}.
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            <dt className="font-medium">Name</dt>
            <dd>{program.name}</dd>
            <dt className="font-medium">Slug</dt>
            <dd className="font-mono">{program.slug}</dd>
            <dt className="font-medium">Time zone</dt>
            <dd>{program.timezone}</dd>
            <dt className="font-medium">Currency</dt>
            <dd className="font-mono">{program.currency}</dd>
          </dl>
        </div>
      ) : (
        <>
          <div className={`${cardClass} p-4`}>
            <SettingsForm
              slug={slug}
              program={program}
              choices={programChoices()}
              currencyLocked={currencyLocked}
              savedBefore={query.saved === "1"}
            />
            {settings.oldSlugs.length > 0 && (
              <p className="mt-4 text-xs text-gray-600 dark:text-gray-400">
                Old addresses that lead here:{" "}
                {settings.oldSlugs.map((old, i) => (
                  <span key={old}>
                    {i > 0 && ", "}
                    <code>/p/{old}</code>
                  </span>
                ))}
              </p>
            )}
          </div>
          <div className={`${cardClass} border-red-200 p-4 dark:border-red-900`}>
            <h2 className="font-medium text-red-700 dark:text-red-400">Delete this program</h2>
            <p className="mt-1 max-w-2xl text-sm text-gray-600 dark:text-gray-400">
              Removes the program and everything in it — partners, customers, actions, rewards,
              rules, API keys, saved views, deliveries, members and the audit log — from the
              database and from the analytics copy. It cannot be undone.
            </p>
            <DeleteProgramForm slug={slug} />
          </div>
        </>
      )}
    </section>
  );
}
