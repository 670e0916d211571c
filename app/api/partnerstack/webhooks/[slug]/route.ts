// POST /api/partnerstack/webhooks/{slug}?secret=… — PartnerStack's partnership and customer events
export { POST } from "@/lib/partnerstack/webhook-route";
