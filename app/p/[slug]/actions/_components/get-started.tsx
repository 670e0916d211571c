import Link from "next/link";
import { cardClass } from "@/components/ui/styles";
import type { FirstActionStep } from "@/lib/groups/first-action-steps";

const link = "text-blue-700 underline dark:text-blue-400";

/**
 * The empty tab's "what next": the calls, in order, that take a new program from nothing to its
 * first counted action, with this server's address — or an import from PartnerStack.
 */
export function GetStarted({
  slug,
  steps,
  isOwner,
}: {
  slug: string;
  steps: FirstActionStep[];
  isOwner: boolean;
}) {
  return (
    <section aria-labelledby="get-started" className={`${cardClass} space-y-4 p-4 text-sm sm:p-6`}>
      <div>
        <h2 id="get-started" className="text-base font-semibold">
          No actions yet — here is how the first one gets counted
        </h2>
        <p className="mt-1 text-gray-600 dark:text-gray-400">
          Your backend sends actions to the Actions API (compatible with PartnerStack’s v2 API; see
          the{" "}
          <Link href="/docs/api" className={link}>
            API reference
          </Link>
          ). The numbers below appear as soon as the first action arrives.
        </p>
      </div>
      <ol className="list-decimal space-y-4 pl-5">
        <li>
          {isOwner ? (
            <>
              <Link href={`/p/${slug}/api-keys`} className={link}>
                Create an API key
              </Link>{" "}
              and put its halves in your shell:{" "}
              <code>export ACTIONBOARD_PUBLIC_KEY=pk_… ACTIONBOARD_SECRET_KEY=sk_…</code>
            </>
          ) : (
            <>
              Ask an owner of the program for an API key (owners create them on the API keys page).
            </>
          )}
        </li>
        {steps.map((step) => (
          <li key={step.path}>
            <p>
              {step.title}: <code>POST {step.path}</code>
            </p>
            <pre
              tabIndex={0}
              aria-label={`${step.title}: curl command`}
              className="mt-1 overflow-x-auto rounded-md bg-gray-50 p-3 font-mono text-xs dark:bg-gray-950"
            >
              {step.curl}
            </pre>
          </li>
        ))}
      </ol>
      <p>
        Running a program on PartnerStack already?{" "}
        <Link href={`/p/${slug}/partnerstack`} className={link}>
          Import it from PartnerStack
        </Link>{" "}
        instead: its groups, partners, customers, actions and rewards come over.
        {isOwner && (
          <>
            {" "}
            Then{" "}
            <Link href={`/p/${slug}/members`} className={link}>
              invite your team
            </Link>
            .
          </>
        )}
      </p>
    </section>
  );
}
