/** PartnerStack's production API (a separate file: the connect form, a client component, shows it). */
export const PARTNERSTACK_BASE_URL = "https://api.partnerstack.com/api/v2";
