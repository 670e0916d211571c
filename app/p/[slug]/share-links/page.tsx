import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { serverOrigin } from "@/lib/http/server-origin";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canEditProgramSettings, canManageSavedViews } from "@/lib/programs/roles";
import { readEmbedSecret } from "@/lib/share-links/read-embed-secret";
import { EmbedSecretCard } from "./_components/embed-secret-card";
import { listSavedViews } from "@/lib/saved-views/list-saved-views";
import { listShareLinks, type ShareLinkRow } from "@/lib/share-links/list-share-links";
import { PhoneCard, PhoneCards } from "@/components/ui/phone-cards";
import { embedPath, shareLinkPath } from "@/lib/share-links/share-link-path";
import { formatDateTime } from "@/lib/time/format";
import { CreateShareLinkForm } from "./_components/create-share-link-form";
import { RevokeButton } from "@/components/ui/revoke-button";
import { revokeShareLinkAction } from "./actions";

export const metadata: Metadata = { title: "Share links" };

const STATE_TEXT = {
  active: "text-green-700 dark:text-green-400",
  expired: "text-gray-600 dark:text-gray-400",
  revoked: "text-red-700 dark:text-red-400",
} as const;

function stateText(link: ShareLinkRow, timezone: string): string {
  if (link.state === "active") return "Active";
  if (link.state === "expired") return "Expired";
  return `Revoked ${formatDateTime(link.revokedAt!, timezone)}`;
}

export default async function ShareLinksPage(props: ProgramPageProps) {
  const { slug, program, role, db, query } = await openProgramPage(props);
  const manager = canManageSavedViews(role);
  const owner = canEditProgramSettings(role);
  const [views, links, origin, embedSecret] = await Promise.all([
    listSavedViews(db.prisma, program.id),
    manager ? listShareLinks(db.prisma, program.id) : Promise.resolve([]),
    serverOrigin(),
    owner ? readEmbedSecret(db.prisma, program.id) : Promise.resolve(null),
  ]);
  const chosen = Number(query.view);
  const revoke = (link: ShareLinkRow) => (
    <RevokeButton
      revoke={revokeShareLinkAction.bind(null, slug)}
      id={link.id}
      label={`Revoke the link to ${link.viewName}`}
      question={`Revoke this link to “${link.viewName}”? It stops opening at once.`}
    />
  );

  return (
    <section className="space-y-6">
      <PageHeader
        title="Share links"
        description="A share link shows one saved view — its numbers, chart and table, filters locked — to anyone who has the link, without signing in. No other page, filter, drill-down or download is reachable from it. Revoke a link to stop it at once."
      />
      {!manager ? (
        <p className={`${cardClass} p-6 text-sm text-gray-600 dark:text-gray-400`}>
          Only program owners and managers can share saved views. Your role in {program.name} is{" "}
          {role}.
        </p>
      ) : (
        <>
          <div className={`${cardClass} p-4`}>
            <h2 className="mb-3 font-medium">Share a saved view</h2>
            {views.length === 0 ? (
              <p className="text-sm text-gray-600 dark:text-gray-400">
                Save a view on the{" "}
                <Link href={`/p/${slug}/actions`} className="text-blue-700 hover:underline">
                  Actions tab
                </Link>{" "}
                first: a link shares a saved view.
              </p>
            ) : (
              <CreateShareLinkForm
                slug={slug}
                views={views.map((v) => ({ id: v.id, name: v.name }))}
                chosen={views.some((v) => v.id === chosen) ? chosen : null}
                origin={origin}
              />
            )}
          </div>
          <div className={`${cardClass} relative overflow-x-auto`}>
            {links.length === 0 ? (
              <p className="p-8 text-center text-sm text-gray-600 dark:text-gray-400">
                No share links yet.
              </p>
            ) : (
              <>
                <PhoneCards label="Share links">
                  {links.map((link) => (
                    <PhoneCard
                      key={link.id}
                      testId="share-link-card"
                      title={link.viewName}
                      first={
                        <span className={STATE_TEXT[link.state]}>
                          {stateText(link, program.timezone)}
                        </span>
                      }
                      subtitle={
                        link.state === "active" ? shareLinkPath(program.id, link.token) : "—"
                      }
                      second={link.password ? "password" : "no password"}
                      footer={link.state === "active" && <div className="mt-1">{revoke(link)}</div>}
                    />
                  ))}
                </PhoneCards>
                <table className={`${tableClass} hidden sm:table`}>
                  <thead>
                    <tr>
                      <th className={thClass}>Saved view</th>
                      <th className={thClass}>Link</th>
                      <th className={thClass}>Password</th>
                      <th className={thClass}>Embedding</th>
                      <th className={thClass}>Opens until</th>
                      <th className={thClass}>Created</th>
                      <th className={thClass}>Status</th>
                      <th className={thClass}>
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
                    {links.map((link) => (
                      <tr key={link.id} data-testid="share-link-row">
                        <td className={tdClass}>{link.viewName}</td>
                        <td className={`${tdClass} max-w-72 break-all font-mono text-xs`}>
                          {link.state === "active"
                            ? `${origin}${shareLinkPath(program.id, link.token)}`
                            : "—"}
                        </td>
                        <td className={tdClass}>{link.password ? "Yes" : "No"}</td>
                        <td className={`${tdClass} max-w-80 text-xs`}>
                          {link.embedOrigins.length === 0 ? (
                            "No site"
                          ) : (
                            <>
                              <span>{link.embedOrigins.join(", ")}</span>
                              {link.state === "active" && (
                                <code
                                  className="mt-1 block break-all font-mono"
                                  data-testid="embed-code"
                                >
                                  {`<iframe src="${origin}${embedPath(program.id, link.token, link.embedOrigins)}" width="100%" height="900" style="border:0"></iframe>`}
                                </code>
                              )}
                            </>
                          )}
                        </td>
                        <td className={`${tdClass} whitespace-nowrap`}>
                          {link.expiresAt
                            ? formatDateTime(link.expiresAt, program.timezone)
                            : "until revoked"}
                        </td>
                        <td className={`${tdClass} whitespace-nowrap`}>
                          {formatDateTime(link.createdAt, program.timezone)} by {link.createdBy}
                        </td>
                        <td className={`${tdClass} ${STATE_TEXT[link.state]}`}>
                          {stateText(link, program.timezone)}
                        </td>
                        <td className={tdClass}>{link.state === "active" && revoke(link)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </div>
          {owner && (
            <EmbedSecretCard
              slug={slug}
              programId={program.id}
              secret={embedSecret}
              views={views}
              origin={origin}
            />
          )}
        </>
      )}
    </section>
  );
}
