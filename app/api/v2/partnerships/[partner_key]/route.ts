// GET|PATCH /api/v2/partnerships/{partner_key} — read or update (incl. archive) one partnership
import { getRoute, updateRoute } from "@/lib/api/keyed-record-routes";
import { updatePartnershipSchema } from "@/lib/schemas/partnerships";
import { partnershipRecord } from "@/lib/partnerships/partnership-record";
import { updatePartnership } from "@/lib/partnerships/update-partnership";

export const GET = getRoute(partnershipRecord);

export const PATCH = updateRoute(partnershipRecord, updatePartnershipSchema, updatePartnership);
