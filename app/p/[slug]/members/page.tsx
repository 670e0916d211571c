import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { listOpenInvitations } from "@/lib/invitations/list-invitations";
import { listMembers } from "@/lib/programs/list-members";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canManageMembers } from "@/lib/programs/roles";
import { formatDateTime } from "@/lib/time/format";
import { InvitationActions } from "./_components/invitation-actions";
import { InviteForm } from "./_components/invite-form";
import { MemberRoleForm } from "./_components/member-role-form";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage(props: ProgramPageProps) {
  const { slug, program, role, user, db } = await openProgramPage(props);
  const owner = canManageMembers(role);
  const [members, invitations] = await Promise.all([
    listMembers(db.prisma, program.id),
    owner ? listOpenInvitations(db.prisma, program.id) : Promise.resolve([]),
  ]);
  const when = (date: Date | null) => (date ? formatDateTime(date, program.timezone) : "Never");

  return (
    <section className="space-y-6">
      <PageHeader
        title="Members"
        description={
          owner
            ? "Invite your team by email. Owners manage keys, members and settings; managers also edit reward rules and saved views; viewers read the numbers."
            : `Everyone in ${program.name}. Your role is ${role}; owners invite people and change roles.`
        }
      />
      {owner && (
        <div className={`${cardClass} p-4`}>
          <h2 className="mb-3 font-medium">Invite someone</h2>
          <InviteForm slug={slug} />
        </div>
      )}
      <div className={`${cardClass} relative overflow-x-auto`}>
        <table className={tableClass}>
          <caption className="sr-only">Members of {program.name}</caption>
          <thead>
            <tr>
              <th className={thClass}>Name</th>
              <th className={thClass}>Email</th>
              <th className={thClass}>Role</th>
              <th className={thClass}>Last sign-in</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {members.map((m) => (
              <tr key={m.userId}>
                <td className={tdClass}>
                  {m.name}
                  {m.userId === user.id && (
                    <span className="ml-1 text-xs text-gray-500">(you)</span>
                  )}
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>{m.email}</td>
                <td className={tdClass}>
                  {owner ? (
                    <MemberRoleForm
                      slug={slug}
                      userId={m.userId}
                      name={m.name}
                      role={m.role}
                      isSelf={m.userId === user.id}
                    />
                  ) : (
                    m.role
                  )}
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>{when(m.lastSignInAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {owner && (
        <div className={`${cardClass} relative overflow-x-auto`}>
          <h2 className="px-4 pt-4 font-medium">Pending invitations</h2>
          {invitations.length === 0 ? (
            <p className="p-6 text-sm text-gray-600 dark:text-gray-400">No pending invitations.</p>
          ) : (
            <table className={tableClass}>
              <thead>
                <tr>
                  <th className={thClass}>Email</th>
                  <th className={thClass}>Role</th>
                  <th className={thClass}>Sent</th>
                  <th className={thClass}>Expires</th>
                  <th className={thClass}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <td className={`${tdClass} whitespace-nowrap`}>{i.email}</td>
                    <td className={tdClass}>{i.role}</td>
                    <td className={`${tdClass} whitespace-nowrap`}>{when(i.sentAt)}</td>
                    <td className={`${tdClass} whitespace-nowrap`}>
                      {i.expired ? (
                        <span className="text-red-700 dark:text-red-400">Expired — resend it</span>
                      ) : (
                        when(i.expiresAt)
                      )}
                    </td>
                    <td className={tdClass}>
                      <InvitationActions slug={slug} id={i.id} email={i.email} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
