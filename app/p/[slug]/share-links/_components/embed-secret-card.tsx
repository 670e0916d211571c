import { cardClass } from "@/components/ui/styles";
import { EmbedSecretForm } from "./embed-secret-form";

/** The owner's card for signed embedding: the program's embed secret and the code to sign with. */
export function EmbedSecretCard({
  slug,
  programId,
  secret,
  views,
  origin,
}: {
  slug: string;
  programId: number;
  secret: string | null;
  views: { id: number; name: string }[];
  origin: string;
}) {
  return (
    <div className={`${cardClass} space-y-3 p-4 text-sm`}>
      <h2 className="font-medium">Signed embedding</h2>
      <p className="text-gray-700 dark:text-gray-300">
        Your application can show a saved view in its own pages, with filters of its choosing locked
        (one partner&apos;s numbers, say), by signing the URL with this program&apos;s embed secret
        on its server — never in a browser. The URL opens until the time it carries, on the sites it
        lists.
      </p>
      {secret ? (
        <p>
          Secret:{" "}
          <code className="break-all font-mono text-xs" data-testid="embed-secret">
            {secret}
          </code>
        </p>
      ) : (
        <p className="text-gray-600 dark:text-gray-400">No embed secret yet.</p>
      )}
      <EmbedSecretForm slug={slug} exists={secret !== null} />
      <pre className="overflow-x-auto rounded bg-gray-100 p-3 text-xs dark:bg-gray-800">
        {`// Node.js, on your server. Program id ${programId}; saved views: ${views.map((v) => `${v.id} (${v.name})`).join(", ") || "none yet"}.
import { createHmac } from "node:crypto";
const payload = Buffer.from(JSON.stringify({
  ${`view: ${views[0]?.id ?? 1},`.padEnd(45)}// a saved view's id
  exp: Math.floor(Date.now() / 1000) + 600,   // opens for ten minutes
  params: { email: "ana@partner.example" },   // tab filters locked over the view's (optional)
  origins: ["https://app.example.com"],       // sites whose pages may frame it
})).toString("base64url");
const signature = createHmac("sha256", EMBED_SECRET).update(payload).digest("base64url");
const src = \`${origin}/embed/${programId}/\${payload}.\${signature}\`;`}
      </pre>
    </div>
  );
}
