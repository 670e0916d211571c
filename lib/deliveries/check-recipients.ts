import { canDeliverOutside, type Role } from "../programs/roles";

export const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1);

/**
 * Who may receive a program's data: its members, and — added by an owner or manager — addresses
 * on the domains an owner has allowed. Returns the first refused address's reason, else null.
 */
export function refusedRecipient(
  recipients: string[],
  allowed: { memberEmails: Set<string>; domains: string[]; role: Role },
): string | null {
  for (const address of recipients) {
    if (allowed.memberEmails.has(address)) continue;
    if (!canDeliverOutside(allowed.role)) {
      return `${address} is not a member of this program: viewers can send deliveries to members only.`;
    }
    const domain = domainOf(address);
    if (!allowed.domains.includes(domain)) {
      return allowed.domains.length === 0
        ? `${address} is not a member of this program, and no outside domain is allowed (an owner can allow domains on the Deliveries page).`
        : `${address} is not a member of this program, and ${domain} is not an allowed domain (allowed: ${allowed.domains.join(", ")}).`;
    }
  }
  return null;
}

/** Recipients still allowed when a delivery is sent (members who left, domains removed). */
export function stillAllowed(
  recipients: string[],
  allowed: { memberEmails: Set<string>; domains: string[] },
): string[] {
  return recipients.filter(
    (r) => allowed.memberEmails.has(r) || allowed.domains.includes(domainOf(r)),
  );
}
