import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { serverOrigin } from "@/lib/http/server-origin";
import { cardClass } from "@/components/ui/styles";
import { loadPartnerStackPage } from "@/lib/partnerstack/load-partnerstack-page";
import { partnerStackSyncMs } from "@/lib/partnerstack/partnerstack-worker";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canManagePartnerStack } from "@/lib/programs/roles";
import { formatDateTime } from "@/lib/time/format";
import { ENCRYPTION_KEY_NOT_SET } from "@/lib/config/setup-hints";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { ConnectForm } from "./_components/connect-form";
import { DisconnectButton } from "./_components/disconnect-button";
import { ImportPanel } from "./_components/import-panel";
import { WaitingManagers } from "./_components/waiting-managers";
import { listWaitingManagers } from "@/lib/partnerstack/list-waiting-managers";
import { WebhookUrl } from "./_components/webhook-url";

export const metadata: Metadata = { title: "PartnerStack" };

export default async function PartnerStackPage(props: ProgramPageProps) {
  const { slug, program, role, db } = await openProgramPage(props);
  const owner = canManagePartnerStack(role);
  const [page, waitingManagers] = await Promise.all([
    loadPartnerStackPage(db.prisma, program.id),
    owner ? listWaitingManagers(db.prisma, program.id) : Promise.resolve([]),
  ]);
  const { connection, lastImport } = page;
  const webhookUrl =
    page.webhookSecret &&
    `${await serverOrigin()}/api/partnerstack/webhooks/${encodeURIComponent(slug)}`;
  const syncMinutes = Math.round(partnerStackSyncMs() / 60_000);
  const note =
    "rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950";

  return (
    <section className="space-y-6">
      <PageHeader
        title="PartnerStack"
        description={
          <>
            Bring an existing PartnerStack program here: its groups, partnerships, customers,
            actions and rewards are read through PartnerStack’s v2 API, then partner and customer
            changes keep arriving from its webhooks and from a check every {syncMinutes} minutes.
            Imported actions count at their original time.
          </>
        }
      />
      {!owner && (
        <p className={`${cardClass} p-6 text-sm text-gray-600 dark:text-gray-400`}>
          Only program owners can connect {program.name} to PartnerStack and import from it. Your
          role is {role}.{connection && ` The program is connected to ${connection.baseUrl}.`}
        </p>
      )}
      {owner && !page.encryptionConfigured && (
        <p role="note" className={note}>
          {ENCRYPTION_KEY_NOT_SET}
        </p>
      )}
      {owner && page.secretProblem && (
        <p role="alert" className={note}>
          {page.secretProblem} Connect again with the keys to store them under the current key.
        </p>
      )}
      {owner && (
        <div className={`${cardClass} p-4`}>
          <h2 className="mb-3 font-medium">Connection</h2>
          {connection ? (
            <div className="space-y-4 text-sm">
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                <dt className="text-gray-600 dark:text-gray-400">API</dt>
                <dd className="break-all">{connection.baseUrl}</dd>
                <dt className="text-gray-600 dark:text-gray-400">Public key</dt>
                <dd className="break-all font-mono text-xs">{connection.publicKey}</dd>
                <dt className="text-gray-600 dark:text-gray-400">Secret key</dt>
                <dd>Stored encrypted; never shown again.</dd>
                <dt className="text-gray-600 dark:text-gray-400">Connected</dt>
                <dd>{formatDateTime(connection.createdAt, program.timezone)}</dd>
                <dt className="text-gray-600 dark:text-gray-400">Last check for changes</dt>
                <dd>
                  {connection.syncedAt
                    ? formatDateTime(connection.syncedAt, program.timezone)
                    : "after the first import"}
                  {connection.syncError && (
                    <span role="alert" className="block text-red-600 dark:text-red-400">
                      Failed: {connection.syncError}
                    </span>
                  )}
                </dd>
              </dl>
              {webhookUrl && page.webhookSecret && (
                <WebhookUrl url={webhookUrl} secret={page.webhookSecret} />
              )}
              <details>
                <summary className="cursor-pointer text-blue-600 hover:underline">
                  Replace the keys
                </summary>
                <div className="mt-3">
                  <ConnectForm slug={slug} defaultBaseUrl={connection.baseUrl} replacing />
                </div>
              </details>
              <DisconnectButton slug={slug} />
            </div>
          ) : (
            <ConnectForm slug={slug} defaultBaseUrl="" replacing={false} />
          )}
        </div>
      )}
      {owner && connection && (
        <div className={`${cardClass} p-4`}>
          <h2 className="mb-3 font-medium">Import</h2>
          <ImportPanel slug={slug} lastImport={lastImport} timezone={program.timezone} />
        </div>
      )}
      {owner && waitingManagers.length > 0 && (
        <div className={`${cardClass} p-4`}>
          <h2 className="mb-3 font-medium">Managers who are not members yet</h2>
          <WaitingManagers slug={slug} managers={waitingManagers} />
        </div>
      )}
      <AutoRefresh active={lastImport?.status === "running"} />
    </section>
  );
}
