// GET /api/v2/partnerships — list partnerships (include_archived), cursor-paged
// POST /api/v2/partnerships — create a partnership
import { createRoute, listRoute } from "@/lib/api/keyed-record-routes";
import { createPartnershipSchema, listPartnershipsQuery } from "@/lib/api/schemas/partnerships";
import { createPartnership } from "@/lib/partnerships/create-partnership";
import { listPartnerships } from "@/lib/partnerships/list-partnerships";
import { partnershipRecord } from "@/lib/partnerships/partnership-record";

export const GET = listRoute(listPartnershipsQuery, listPartnerships);

export const POST = createRoute(partnershipRecord, createPartnershipSchema, createPartnership);
