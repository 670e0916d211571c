import type { Metadata } from "next";
import Link from "next/link";
import { cardClass, tableClass, tdClass, thClass } from "@/components/ui/styles";
import { buildOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { EXAMPLE_API_KEY, EXAMPLE_CUSTOMER_KEY } from "@/lib/openapi/examples";
import { serverOrigin } from "@/lib/http/server-origin";
import { codeClass, CodeText } from "./_components/code-text";

export const metadata: Metadata = { title: "Actions API" };

type Schema = {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
};
type Operation = {
  summary: string;
  description?: string;
  parameters: { name: string; in: string; required: boolean; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string }>;
};

function typeOf(schema: Schema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" or ");
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
}

function FieldTable({ rows }: { rows: { name: string; required: boolean; schema: Schema }[] }) {
  return (
    // Its own scroll box (positioned, so nothing inside escapes it): a phone scrolls the table,
    // not the page; a type breaks between its words, never inside one ("strin g").
    <div className="relative mt-2 overflow-x-auto">
      <table className={tableClass}>
        <thead>
          <tr>
            <th className={thClass}>Field</th>
            <th className={thClass}>Type</th>
            <th className={thClass}>Notes</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100 dark:divide-gray-800">
          {rows.map((row) => (
            <tr key={row.name}>
              <td className={`${tdClass} font-mono text-xs`}>
                {row.name}
                {row.required && <span className="ml-1 text-red-600">*</span>}
              </td>
              <td className={`${tdClass} font-mono text-xs break-words`}>{typeOf(row.schema)}</td>
              <td className={tdClass}>
                {row.schema.description && <CodeText text={row.schema.description} />}
                {row.schema.default !== undefined &&
                  ` Default ${JSON.stringify(row.schema.default)}.`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Rendered from the same OpenAPI document that /api/v2/openapi.json serves.
export default async function ApiDocsPage() {
  const doc = buildOpenApiDocument();
  // The address this server is reached at (NEXTAUTH_URL when set), so the line runs as pasted.
  const origin = await serverOrigin();
  const curl = `curl -u ${EXAMPLE_API_KEY.publicKey}:${EXAMPLE_API_KEY.secret} \\
  -H 'Content-Type: application/json' \\
  -d '{"target_key":"${EXAMPLE_CUSTOMER_KEY}","target_type":"customer","type":"signup_completed"}' \\
  ${origin}/api/v2/actions`;
  return (
    <main className="mx-auto max-w-5xl space-y-8 px-4 py-8">
      <header className="space-y-2">
        <Link href="/" className="text-sm text-blue-600 hover:underline">
          ← Actionboard
        </Link>
        <h1 className="text-3xl font-semibold">{doc.info.title}</h1>
        <p className="text-gray-600 dark:text-gray-400">
          <CodeText text={doc.info.description} />
        </p>
        <p className="text-sm">
          Machine-readable:{" "}
          <a className="text-blue-600 hover:underline" href="/api/v2/openapi.json">
            /api/v2/openapi.json
          </a>{" "}
          (OpenAPI 3.1).
        </p>
      </header>
      <section className={`${cardClass} space-y-2 p-4 text-sm`}>
        <h2 className="text-lg font-medium">Authentication and errors</h2>
        <p>
          Send HTTP Basic <code className={codeClass}>public_key:secret_key</code> (as PartnerStack)
          or <code className={codeClass}>Authorization: Bearer secret_key</code>. Keys belong to one
          program; owners create them on the program&apos;s API keys page. Responses are envelopes{" "}
          <code className={codeClass}>{"{ data, message, status }"}</code>; errors are{" "}
          <code className={codeClass}>{"{ message, status, errors: [{ field, message }] }"}</code>;
          a missing required field says so (<code className={codeClass}>type is required</code>). A
          failed request stores nothing. Every request is kept in the program&apos;s API log for 30
          days.
        </p>
        <p>
          Clients of other versions may send fields this API does not know: a write ignores them and
          goes ahead, and its answer (and the API log entry) lists them in{" "}
          <code className={codeClass}>
            {'warnings: [{ code: "unknown_field", field, message }]'}
          </code>
          . A known field with a wrong value is still refused. PartnerStack&apos;s clients send an
          action&apos;s key as <code className={codeClass}>external_key</code>: it is the same as{" "}
          <code className={codeClass}>key</code>.
        </p>
        <p>Try it against the demo data:</p>
        <pre className="overflow-x-auto rounded bg-gray-100 p-3 font-mono text-xs dark:bg-gray-800">
          <code data-testid="curl-example">{curl}</code>
        </pre>
      </section>
      {Object.entries(doc.paths).flatMap(([path, operations]) =>
        Object.entries(operations as Record<string, Operation>).map(([method, op]) => {
          const body = op.requestBody?.content["application/json"].schema;
          const query = op.parameters.filter((p) => p.in !== "path");
          return (
            <section
              key={`${method} ${path}`}
              className={`${cardClass} p-4`}
              aria-labelledby={`${method}-${path}`}
            >
              <h2 id={`${method}-${path}`} className="font-mono text-base [overflow-wrap:anywhere]">
                <span className="mr-2 rounded bg-blue-100 px-2 py-0.5 text-xs font-semibold uppercase text-blue-800 dark:bg-blue-900 dark:text-blue-200">
                  {method}
                </span>
                {path}
              </h2>
              <p className="mt-1 font-medium">{op.summary}</p>
              {op.description && (
                <p className="mt-1 text-sm text-gray-600 dark:text-gray-400">
                  <CodeText text={op.description} />
                </p>
              )}
              {query.length > 0 && <FieldTable rows={query} />}
              {body?.properties && (
                <FieldTable
                  rows={Object.entries(body.properties).map(([name, schema]) => ({
                    name,
                    schema,
                    required: body.required?.includes(name) ?? false,
                  }))}
                />
              )}
              <p className="mt-2 text-xs text-gray-600 dark:text-gray-400">
                Responses:{" "}
                <CodeText
                  text={Object.entries(op.responses)
                    .map(([status, r]) => `${status} ${r.description}`)
                    .join(" · ")}
                />
              </p>
            </section>
          );
        }),
      )}
    </main>
  );
}
