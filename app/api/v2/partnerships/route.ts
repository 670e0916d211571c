// GET /api/v2/partnerships — list partnerships (include_archived), cursor-paged
// POST /api/v2/partnerships — create a partnership
import { createRoute, listRoute } from "@/lib/api/keyed-record-routes";
import { createPartnershipSchema, listPartnershipsQuery } from "@/lib/schemas/partnerships";
import { createPartnership } from "@/lib/partnerships/create-partnership";
import { partnershipRecord } from "@/lib/partnerships/partnership-record";

export const GET = listRoute(partnershipRecord, listPartnershipsQuery);

export const POST = createRoute(partnershipRecord, createPartnershipSchema, createPartnership);
