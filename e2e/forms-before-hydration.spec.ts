// Forms before React runs. Every form submits through React (`onSubmit`); until the page is
// hydrated that handler is not attached, and a click would let the browser send the form itself —
// as a GET to the page, every field (passwords included) in the URL. The last CI run caught one:
// "Save" on the account page clicked a moment too early navigated to
// `/account?name=…&currentPassword=`. So, with scripts off, every page that shows a form is read:
// a form that React sends (no `action` URL) is `method="post"` with its submit buttons disabled
// (components/ui/until-hydrated.tsx), or an explicit `method="get"` filter form without a
// password field.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newOneTimeToken, tokenHash } from "../lib/accounts/one-time-token";
import { createInvitation } from "../lib/testing/invitation-factory";
import { hashPassword } from "../lib/security/password";
import { ONE_ENGINE } from "./support/engines";
import { listAppRoutes } from "./support/route-tree";
import { e2eDatabase, seedApiMember } from "./support/seed";
import { signIn } from "./support/sign-in";

interface FormSeen {
  method: string | null;
  action: string | null;
  password: boolean;
  submits: { label: string; disabled: boolean }[];
}

/** Pages with no form, or whose form needs a token only the server can sign (with the reason). */
const NOT_READ: Record<string, string> = {
  "/": "redirects to a program or /signin",
  "/p/[slug]": "redirects to the Actions tab",
  "/docs/api": "documentation, no form",
  "/p/[slug]/api-log": "a list, no form",
  "/p/[slug]/actions/occurrences": "the drill-down: links only",
  "/p/[slug]/partners/[partnerKey]": "its period bar is the partners' one, read on /partners",
  "/setup": "only on a server without accounts (first-run.spec.ts submits it after hydrating)",
  "/invitations/[token]": "its token is signed by the server's secret (first-run.spec.ts)",
  "/unsubscribe/[token]": "a real no-script form: method=post to its own one-click URL",
  "/embed/[program]/[token]": "a signed embed: the view read-only, no form (share-links.spec.ts)",
};

async function formsOn(page: Page, url: string): Promise<FormSeen[]> {
  const answer = await page.goto(url);
  expect(answer?.status(), url).toBeLessThan(400);
  return page.locator("form").evaluateAll((forms) =>
    forms.map((form) => ({
      method: form.getAttribute("method"),
      action: form.getAttribute("action"),
      password: form.querySelector('input[type="password"]') !== null,
      submits: [
        ...form.querySelectorAll<HTMLButtonElement>('button:not([type]), button[type="submit"]'),
      ].map((b) => ({
        label: (b.getAttribute("aria-label") ?? b.textContent ?? "").trim(),
        disabled: b.matches(":disabled"),
      })),
    })),
  );
}

/** What is wrong with a form as the server sent it; empty when nothing is. */
function problems(url: string, form: FormSeen): string[] {
  const sentBy = form.action && !form.action.startsWith("javascript:") ? "url" : "react";
  if (sentBy === "url") return [];
  if (form.method === "get") {
    return form.password ? [`${url}: a GET form holds a password field`] : [];
  }
  if (form.method !== "post") return [`${url}: a form without method (${form.method ?? "none"})`];
  return form.submits
    .filter((s) => !s.disabled)
    .map((s) => `${url}: "${s.label}" can send the form before the page is hydrated`);
}

async function scriptlessPage(browser: Browser, from?: Page) {
  const storageState = from ? await from.context().storageState() : undefined;
  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  return { page: await context.newPage(), close: () => context.close() };
}

test(
  "no form can be sent by the browser before the page is hydrated",
  ONE_ENGINE,
  async ({ page, browser }) => {
    const { user, program } = await seedApiMember("owner");
    const { prisma } = await e2eDatabase();
    // A pending invitation (its Resend/Revoke form) and a reset link of another person.
    await createInvitation(
      prisma,
      program.id,
      `invitee-${randomBytes(4).toString("hex")}@example.test`,
    );
    const resetToken = newOneTimeToken();
    await prisma.passwordReset.create({
      data: {
        tokenHash: tokenHash(resetToken),
        userId: user.id,
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });

    // A share link with a password: its page asks for it.
    const view = await prisma.savedView.create({
      data: { programId: program.id, userId: user.id, name: "Shared", query: "timeframe=any_time" },
    });
    const share = await prisma.shareLink.create({
      data: {
        programId: program.id,
        savedViewId: view.id,
        token: randomBytes(32).toString("base64url"),
        passwordHash: await hashPassword("a shared secret 7"),
        createdBy: user.id,
      },
    });
    const signedOutUrls: Record<string, string> = {
      "/signin": "/signin",
      "/forgot-password": "/forgot-password",
      "/reset-password/[token]": `/reset-password/${resetToken}`,
      "/share/[program]/[token]": `/share/${program.id}/${share.token}`,
    };
    const signedInUrls: Record<string, string> = {
      "/account": "/account",
      "/programs/new": "/programs/new",
    };
    for (const route of listAppRoutes()) {
      if (route.kind !== "page" || route.pattern in NOT_READ || route.pattern in signedOutUrls) {
        continue;
      }
      if (route.pattern in signedInUrls) continue;
      // Every other page is a program page: a route added tomorrow is read tomorrow.
      expect(route.segments, `${route.pattern}: say how to fill it, or why it is not read`).toEqual(
        ["slug"],
      );
      signedInUrls[route.pattern] = route.pattern.replace("[slug]", program.slug);
    }

    const found: string[] = [];
    let reactForms = 0;
    const read = async (view: Page, urls: Record<string, string>) => {
      for (const url of Object.values(urls)) {
        const forms = await formsOn(view, url);
        reactForms += forms.filter((f) => f.method === "post" && !f.action).length;
        for (const form of forms) found.push(...problems(url, form));
      }
    };

    const signedOut = await scriptlessPage(browser);
    await read(signedOut.page, signedOutUrls);
    await signedOut.close();

    await signIn(page, user.email, user.password);
    const signedIn = await scriptlessPage(browser, page);
    await read(signedIn.page, signedInUrls);
    await signedIn.close();

    expect(found).toEqual([]);
    // The pages read do hold the forms this is about (sign-in, account, members, keys, rules, …).
    expect(reactForms).toBeGreaterThanOrEqual(15);
  },
);
