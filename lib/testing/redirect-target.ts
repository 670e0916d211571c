/**
 * Where a call that ends in Next's `redirect()` sends the browser (its error's digest is
 * `NEXT_REDIRECT;<type>;<url>;<status>;`); fails the test when the call does not redirect.
 */
export async function redirectTarget(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) {
      return digest.split(";")[2];
    }
    throw error;
  }
  throw new Error("expected a redirect, but the call returned");
}
