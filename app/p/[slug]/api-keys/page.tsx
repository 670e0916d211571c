import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { formatDateTime } from "@/lib/time/format";
import { openProgramPage, type ProgramPageProps } from "@/lib/programs/open-program-page";
import { canManageApiKeys } from "@/lib/programs/roles";
import { CreateKeyForm } from "./_components/create-key-form";
import { RevokeButton } from "@/components/ui/revoke-button";
import { revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage(props: ProgramPageProps) {
  const { slug, program, role, db } = await openProgramPage(props);
  const owner = canManageApiKeys(role);
  const keys = owner ? await listApiKeys(db.prisma, program.id) : [];

  return (
    <section className="space-y-6">
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let your backend send actions to the{" "}
            <Link href="/docs/api" className="text-blue-600 hover:underline">
              Actions API
            </Link>{" "}
            (HTTP Basic <code>public_key:secret_key</code>, or{" "}
            <code>Authorization: Bearer secret_key</code>). Secrets are stored only as hashes.
          </>
        }
      />
      {!owner ? (
        <p className={`${cardClass} p-6 text-sm text-gray-600 dark:text-gray-400`}>
          Only program owners can see and manage API keys. Your role in {program.name} is {role}.
        </p>
      ) : (
        <>
          <div className={`${cardClass} p-4`}>
            <h2 className="mb-3 font-medium">Create a key</h2>
            <CreateKeyForm slug={slug} />
          </div>
          <div className={`${cardClass} relative overflow-x-auto`}>
            {keys.length === 0 ? (
              <p className="p-8 text-center text-sm text-gray-600 dark:text-gray-400">
                No keys yet. Create one to start sending actions.
              </p>
            ) : (
              <table className={tableClass}>
                <thead>
                  <tr>
                    <th className={thClass}>Label</th>
                    <th className={thClass}>Public key</th>
                    <th className={thClass}>Mode</th>
                    <th className={thClass}>Created</th>
                    <th className={thClass}>Last used</th>
                    <th className={thClass}>Status</th>
                    <th className={thClass}>
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
                  {keys.map((key) => (
                    <tr key={key.id}>
                      <td className={tdClass}>{key.label}</td>
                      <td className={`${tdClass} font-mono text-xs`}>{key.publicKey}</td>
                      <td className={tdClass}>{key.mode}</td>
                      <td className={`${tdClass} whitespace-nowrap`}>
                        {formatDateTime(key.createdAt, program.timezone)}
                      </td>
                      <td className={`${tdClass} whitespace-nowrap`}>
                        {key.lastUsedAt
                          ? formatDateTime(key.lastUsedAt, program.timezone)
                          : "Never"}
                      </td>
                      <td className={tdClass}>
                        {key.revokedAt ? (
                          <span className="text-red-700 dark:text-red-400">
                            Revoked {formatDateTime(key.revokedAt, program.timezone)}
                          </span>
                        ) : (
                          <span className="text-green-700 dark:text-green-400">Active</span>
                        )}
                      </td>
                      <td className={tdClass}>
                        {!key.revokedAt && (
                          <RevokeButton
                            revoke={revokeApiKeyAction.bind(null, slug)}
                            id={key.id}
                            label={`Revoke ${key.label}`}
                            question={`Revoke “${key.label}”? Requests using it will be refused at once.`}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </section>
  );
}
