/** The partner page of one partnership: `/p/<program>/partners/<partner key>`. */
export function partnerHref(programSlug: string, partnerKey: string): string {
  return `/p/${encodeURIComponent(programSlug)}/partners/${encodeURIComponent(partnerKey)}`;
}
