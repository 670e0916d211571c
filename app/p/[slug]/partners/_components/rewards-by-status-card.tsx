import { cardClass, tdClass, thClass } from "@/components/ui/styles";
import { moneyFormatter } from "@/lib/format/format";
import type { RewardsByStatus } from "@/lib/stats/partner-records";

const ORDER = ["pending", "approved", "paid", "declined"];

/** The partner's rewards for actions in the timeframe, by status. */
export function RewardsByStatusCard({
  rewards,
  currency,
}: {
  rewards: RewardsByStatus[];
  currency: string;
}) {
  const byStatus = new Map(rewards.map((r) => [r.status, r]));
  const money = moneyFormatter(
    rewards.map((r) => r.amountCents),
    currency,
  );
  return (
    <section aria-label="Rewards by status" className={`${cardClass} p-4`}>
      <h2 className="text-sm font-medium text-gray-600 dark:text-gray-300">Rewards by status</h2>
      {rewards.length === 0 ? (
        <p className="mt-4 text-sm text-gray-500">No rewards for actions in this timeframe.</p>
      ) : (
        <table className="mt-2 w-full text-sm">
          <thead>
            <tr>
              <th scope="col" className={`${thClass} pl-0`}>
                Status
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Rewards
              </th>
              <th scope="col" className={`${thClass} pr-0 text-right`}>
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {ORDER.map((status) => {
              const r = byStatus.get(status);
              return (
                <tr key={status}>
                  <th scope="row" className={`${tdClass} pl-0 text-left font-normal capitalize`}>
                    {status}
                  </th>
                  <td className={`${tdClass} text-right tabular-nums`}>
                    {(r?.rewards ?? 0).toLocaleString("en-US")}
                  </td>
                  <td className={`${tdClass} pr-0 text-right tabular-nums`}>
                    {money(r?.amountCents ?? 0)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
