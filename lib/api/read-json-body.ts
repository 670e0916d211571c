import { invalidFields } from "../errors/domain-error";
import { ApiError } from "./api-error";
import { findJsonProblem } from "../validation/find-json-problem";

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * No request body of the API nests deeper (a customer's `meta` is the deepest field). Refused
 * here, before any schema or library walks it recursively and runs out of stack.
 */
const MAX_BODY_DEPTH = 64;

/**
 * Reads a JSON request body: 415 unless the content type is JSON, 413 above 1 MB (checked while
 * streaming, not trusting Content-Length alone), 400 when it does not parse, 422 naming the field
 * nested deeper than MAX_BODY_DEPTH or named "__proto__" (schemas would drop it silently).
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type.trim())) {
    throw new ApiError(415, `Content-Type must be application/json (got "${type || "none"}").`);
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (!text.trim()) throw new ApiError(400, "The request body is empty; send a JSON object.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
  const problem = findJsonProblem(body, { maxDepth: MAX_BODY_DEPTH, storable: false });
  if (problem) {
    throw invalidFields([{ field: problem.path.join(".") || "body", message: problem.message }]);
  }
  return body;
}

function tooLarge(maxBytes: number) {
  return new ApiError(413, `The request body is larger than ${maxBytes / 1024 / 1024} MB.`);
}
