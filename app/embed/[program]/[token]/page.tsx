import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedView } from "@/components/stats/shared-view";
import { getDatabase } from "@/lib/db/client";
import { embeddedViewQuery, openSignedEmbed } from "@/lib/share-links/open-signed-embed";

export const metadata: Metadata = {
  title: "Embedded view",
  robots: { index: false, follow: false },
};

interface EmbedPageProps {
  params: Promise<{ program: string; token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * A saved view in another application's frame, by a URL that application signed with the
 * program's embed secret: the view, the filters the signature locks, the sites that may frame
 * it. A bad signature, an expired URL or an unknown view is a 404.
 */
export default async function EmbedPage({ params, searchParams }: EmbedPageProps) {
  const [{ program: programParam, token }, search, db] = await Promise.all([
    params,
    searchParams,
    getDatabase(),
  ]);
  const embed = await openSignedEmbed(db.prisma, Number(programParam), token);
  if (!embed) notFound();
  const query = embeddedViewQuery(embed.view.query, embed.params, search);
  if ("problem" in query) {
    return (
      <main className="mx-auto max-w-lg p-8">
        <h1 className="text-xl font-semibold">This embed&apos;s filters cannot be read</h1>
        <p className="mt-2 text-sm text-gray-600 dark:text-gray-400">
          {query.problem} Sign the URL again with filters of the Actions tab.
        </p>
      </main>
    );
  }
  const path = `/embed/${embed.program.id}/${token}`;
  return (
    <SharedView
      db={db}
      program={embed.program}
      viewName={embed.view.name}
      query={query.query}
      pageHref={(n) => `${path}?page=${n}`}
    />
  );
}
