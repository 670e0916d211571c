import { exportErrorPage } from "./export-error-page";
import { isRefusal, type ExportResult } from "./export-file";
import { attachmentHeaders } from "./format-export";
import { logger } from "../observability/logger.mjs";

/** What a download that failed unexpectedly says (the error itself goes to the server's log). */
export const EXPORT_FAILED =
  "Something went wrong while preparing this download. Nothing was sent; please try again.";

/**
 * A download route's answer: the built file as an attachment, or a readable error page (with a
 * link back to where the download started) for a refusal or a failure before the first byte.
 */
export async function exportResponse(
  build: () => Promise<ExportResult>,
  back: { href: string; label?: string },
): Promise<Response> {
  let result: ExportResult;
  try {
    result = await build();
  } catch (error) {
    logger().error({ err: error }, "Export failed");
    result = { status: 500, message: EXPORT_FAILED };
  }
  if (isRefusal(result)) {
    const page = exportErrorPage(result.status, result.message, back.href, back.label);
    if (result.retryAfterSeconds !== undefined)
      page.headers.set("Retry-After", String(result.retryAfterSeconds));
    return page;
  }
  return new Response(result.body, {
    headers: attachmentHeaders(result.name, result.contentType),
  });
}
