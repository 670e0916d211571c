import "server-only";
import type { RawSearchParams } from "../stats/url/load-tab-state";
import type { PrismaClient } from "../generated/prisma/client";
import { loadAuditParams, samePerson } from "./audit-params";
import { listAuditPeople } from "./list-audit-people";

/**
 * The audit log's URL as the page and its CSV both read it: the parsed filters, with a person
 * who is neither a member nor in this program's log dropped (with a message) rather than
 * silently showing nothing; the people to choose from; the page position.
 */
export async function loadAuditFilters(
  prisma: PrismaClient,
  programId: number,
  raw: RawSearchParams,
) {
  const { filters, cursor, warnings } = loadAuditParams(raw);
  const people = await listAuditPeople(prisma, programId);
  const person = filters.person;
  if (person && !people.some((p) => samePerson(p.person, person))) {
    warnings.push(
      "Person: nobody by that name is a member or appears in this log. It was ignored.",
    );
    filters.person = null;
  }
  return { filters, cursor, people, warnings };
}
