import "server-only";
import { headers } from "next/headers";
import { REQUESTED_PATH_HEADER } from "./moved-program-path";

/** The path and query of the request being answered, or null outside a request (tests, scripts). */
export async function requestedPath(): Promise<string | null> {
  try {
    return (await headers()).get(REQUESTED_PATH_HEADER);
  } catch {
    return null;
  }
}
