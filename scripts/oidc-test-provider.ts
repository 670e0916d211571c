// A real OpenID Connect provider (oidc-provider, the certified Node implementation) for tests and
// local trials of single sign-on. It knows one client (the app) and signs in anyone through a
// one-page form: the email, a name and whether the provider says the email is verified — so
// every test account is what the form is filled with (a verified email with an account or an
// invitation, an unverified one, one at an allowed domain, one at another domain).
//   tsx scripts/oidc-test-provider.ts <port> <the app's URL>
// Then run the app with OIDC_ISSUER=http://127.0.0.1:<port> and the client id and secret of
// E2E_OIDC in e2e/support/env.ts as OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { E2E_OIDC } from "../e2e/support/env";

/** The one client it knows: the app, with the end-to-end servers' id and secret. */
const TEST_CLIENT = { id: E2E_OIDC.clientId, secret: E2E_OIDC.clientSecret };

/** A test account's id carries its claims: the form is the whole account store. */
interface TestAccount {
  email: string;
  name: string;
  verified: boolean;
}
const accountId = (account: TestAccount) =>
  Buffer.from(JSON.stringify(account)).toString("base64url");
const readAccountId = (id: string): TestAccount | undefined => {
  try {
    const value = JSON.parse(Buffer.from(id, "base64url").toString("utf8"));
    return typeof value?.email === "string" ? value : undefined;
  } catch {
    return undefined;
  }
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, clientId: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1><p>Signing in to ${escapeHtml(clientId)}.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label>Email <input name="email" type="email" required></label></p>
<p><label>Name <input name="name" type="text"></label></p>
<p><label><input name="verified" type="checkbox" value="yes" checked> Email verified</label></p>
<p><button type="submit">Continue</button></p>
</form></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Starts the provider on 127.0.0.1:`port` for an app at `appUrl`; resolves once it listens. */
export async function startTestIdentityProvider(port: number, appUrl: string): Promise<Server> {
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    format: "jwk",
  });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256" }] },
    cookies: { keys: ["oidc-test-provider-cookies"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = readAccountId(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: account.email,
          email_verified: account.verified,
          name: account.name || undefined,
        }),
      };
    },
    // First-party client: what it asks for is granted without a consent screen.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ||
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  const handleProvider = provider.callback();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? "/", issuer).pathname;
    const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(path);
    if (!interaction) return handleProvider(req, res);
    const details = await provider.interactionDetails(req, res);
    if (req.method === "GET" && !interaction[2]) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(loginPage(details.uid, String(details.params.client_id)));
      return;
    }
    const form = await readForm(req);
    const account = {
      email: (form.get("email") ?? "").trim(),
      name: (form.get("name") ?? "").trim(),
      verified: form.get("verified") === "yes",
    };
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: accountId(account) } },
      { mergeWithLastSubmission: false },
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`test identity provider: ${error instanceof Error ? error.message : error}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [port, appUrl] = process.argv.slice(2);
  if (!/^\d+$/.test(port ?? "") || !appUrl) {
    console.error("usage: tsx scripts/oidc-test-provider.ts <port> <the app's URL>");
    process.exit(1);
  }
  await startTestIdentityProvider(Number(port), appUrl.replace(/\/$/, ""));
  console.log(`Test identity provider on http://127.0.0.1:${port} (client ${TEST_CLIENT.id})`);
}
