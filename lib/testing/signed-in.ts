/**
 * Who is signed in, for tests of server actions: membership and role still come from the
 * database; only the session, which needs a request, is a stand-in (`request-stand-ins.ts`
 * mocks `get-current-user` with `signedInModule` for every test file).
 */
export const signedIn = {
  user: null as { id: number; email: string; name: string } | null,
};

export const signedInModule = () => ({ getCurrentUser: async () => signedIn.user });

/** A submitted form with these fields, as a browser sends it to a server action. */
export function formData(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
