import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass } from "@/components/ui/styles";
import { listGroupsWithCounts } from "@/lib/groups/list-groups-with-counts";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canManageGroups } from "@/lib/programs/roles";
import { listTagsWithCounts } from "@/lib/tags/list-tags-with-counts";
import { CreateForm } from "./_components/create-form";
import { ListTable } from "./_components/list-table";

export const metadata: Metadata = { title: "Groups and tags" };

const emptyClass = "p-8 text-center text-sm text-gray-600 dark:text-gray-400";

export default async function GroupsPage(props: ProgramPageProps) {
  const { slug, program, role, db } = await openProgramPage(props);
  const editable = canManageGroups(role);
  const [groups, tags] = await Promise.all([
    listGroupsWithCounts(db.prisma, program.id),
    listTagsWithCounts(db.prisma, program.id),
  ]);

  return (
    <section className="space-y-8">
      <PageHeader
        title="Groups and tags"
        description="Every partnership belongs to one group (reward rules can be limited to a group) and may carry tags, internal labels partners never see. A partnership created without a group joins the group with key “default”. Archived groups keep their partnerships and numbers but take no new ones; archived tags stay on their partnerships and in filters but cannot be given to more."
      />
      {!editable && (
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Only owners and managers can change groups and tags. Your role in {program.name} is {role}
          .
        </p>
      )}

      <section aria-labelledby="groups-heading" className="space-y-3">
        <h2 id="groups-heading" className="text-lg font-medium">
          Groups
        </h2>
        <div className={`${cardClass} relative overflow-x-auto`}>
          {groups.length === 0 ? (
            <p className={emptyClass}>
              No groups yet. Partnerships need a group: add one, e.g. “Affiliates” with the key
              “default”, which partnerships created without a group join.
            </p>
          ) : (
            <ListTable slug={slug} kind="group" rows={groups} editable={editable} />
          )}
        </div>
        {editable && (
          <div className={`${cardClass} p-4`}>
            <h3 className="mb-3 font-medium">Add a group</h3>
            <CreateForm slug={slug} kind="group" />
          </div>
        )}
      </section>

      <section aria-labelledby="tags-heading" className="space-y-3">
        <h2 id="tags-heading" className="text-lg font-medium">
          Tags
        </h2>
        <div className={`${cardClass} relative overflow-x-auto`}>
          {tags.length === 0 ? (
            <p className={emptyClass}>
              No tags yet. Tags label partnerships for filtering (e.g. “EMEA”, “Top 10”); they are
              also created when the API or an import names a new one.
            </p>
          ) : (
            <ListTable slug={slug} kind="tag" rows={tags} editable={editable} />
          )}
        </div>
        {editable && (
          <div className={`${cardClass} p-4`}>
            <h3 className="mb-3 font-medium">Add a tag</h3>
            <CreateForm slug={slug} kind="tag" />
          </div>
        )}
      </section>
    </section>
  );
}
