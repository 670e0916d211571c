import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { SharedView } from "@/components/stats/shared-view";
import { AuthCard } from "@/components/ui/auth-card";
import { getDatabase } from "@/lib/db/client";
import { getAuthSecret } from "@/lib/security/auth-secret";
import { findShareLink, mayOpen, shareCookieName } from "@/lib/share-links/open-share-link";
import { shareLinkPath } from "@/lib/share-links/share-link-path";
import { frameParam } from "@/lib/share-links/embed-origins";
import { sharedViewQuery } from "@/lib/share-links/shared-view-query";
import { SharePasswordForm } from "./_components/share-password-form";

export const metadata: Metadata = {
  title: "Shared view",
  robots: { index: false, follow: false },
};

interface SharePageProps {
  params: Promise<{ program: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * A saved view opened by its share link, signed out: the view's numbers, chart and table with its
 * filters locked (the URL may page the table and hide a chart series, nothing else), no link to
 * any other page, drill-down or download. A revoked, expired or unknown link is a 404.
 */
export default async function SharePage({ params, searchParams }: SharePageProps) {
  const [{ program: programParam, token }, search, db] = await Promise.all([
    params,
    searchParams,
    getDatabase(),
  ]);
  const link = await findShareLink(db.prisma, Number(programParam), token);
  if (!link) notFound();
  // An embed URL (`?frame=`) opens only with the link's own list of sites: the proxy let exactly
  // the sites the URL names frame this response.
  const frame = search.frame;
  if (frame !== undefined && (!link.embedOrigins.length || frame !== frameParam(link.embedOrigins)))
    notFound();
  const path = shareLinkPath(link.programId, token);
  const cookie = (await cookies()).get(shareCookieName(link))?.value;
  if (!mayOpen(link, cookie, getAuthSecret())) {
    return (
      <AuthCard
        title={link.view.name}
        intro={`${link.program.name} shared this view with a password. Enter it to see the numbers.`}
      >
        <SharePasswordForm programId={link.programId} token={token} />
      </AuthCard>
    );
  }

  return (
    <SharedView
      db={db}
      program={link.program}
      viewName={link.view.name}
      query={sharedViewQuery(link.view.query, search)}
      pageHref={(n) =>
        `${path}?${new URLSearchParams({ ...(frame ? { frame: String(frame) } : {}), page: String(n) })}`
      }
    />
  );
}
