"use client";

import { ActionError } from "@/components/ui/action-error";
import { buttonClass, inputClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import type { WaitingManager } from "@/lib/partnerstack/list-waiting-managers";
import { useFormAction } from "@/lib/forms/use-form-action";
import { inviteWaitingManagersAction } from "../manager-actions";
import { UntilHydrated } from "@/components/ui/until-hydrated";

/** The source's managers who are not members: invite them all as managers in one step. */
export function WaitingManagers({ slug, managers }: { slug: string; managers: WaitingManager[] }) {
  const { refusal, done, pending, onSubmit } = useFormAction(() =>
    inviteWaitingManagersAction(slug, null),
  );
  const waiting = managers.reduce((sum, m) => sum + m.partnerships, 0);
  const toInvite = managers.filter((m) => !m.invited).length;
  return (
    <div className="space-y-3 text-sm">
      <p>
        {waiting} partnership{waiting === 1 ? "" : "s"} wait for a manager: PartnerStack names{" "}
        {managers.length} manager{managers.length === 1 ? "" : "s"} who{" "}
        {managers.length === 1 ? "is" : "are"} not a member of this program. Each is assigned their
        partnerships when they join.
      </p>
      <div className="relative overflow-x-auto">
        <table className={tableClass}>
          <thead>
            <tr>
              <th className={thClass}>Manager</th>
              <th className={thClass}>Partnerships</th>
              <th className={thClass}>Invitation</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
            {managers.map((m) => (
              <tr key={m.email}>
                <td className={`${tdClass} break-all`}>{m.email}</td>
                <td className={`${tdClass} tabular-nums`}>{m.partnerships}</td>
                <td className={tdClass}>{m.invited ? "Invited" : "Not invited"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {toInvite > 0 && (
        <form method="post" onSubmit={onSubmit}>
          <UntilHydrated>
            <button type="submit" disabled={pending} className={buttonClass}>
              {pending ? "Inviting…" : `Invite ${toInvite} as manager${toInvite === 1 ? "" : "s"}`}
            </button>
          </UntilHydrated>
        </form>
      )}
      <ActionError error={refusal?.message} />
      {done && (
        <p role="status" className="text-green-700 dark:text-green-400">
          {done.message}
        </p>
      )}
      {done?.links?.map((l) => (
        <label key={l.email} className="block">
          <span className="text-xs">Link for {l.email} (not mailed):</span>
          <input
            readOnly
            value={l.link}
            onFocus={(e) => e.currentTarget.select()}
            className={`${inputClass} font-mono text-xs`}
          />
        </label>
      ))}
    </div>
  );
}
