// An HTTPS endpoint inside the test process that records every request: a webhook receiver.
// Its certificate is self-signed for 127.0.0.1 by openssl (Debian's), made per run.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ReceivedRequest {
  headers: Record<string, string>;
  body: string;
}

export interface HttpsReceiver {
  url: string;
  /** The receiver's certificate, for the sender's trust. */
  ca: string;
  requests: ReceivedRequest[];
  /** Answer the next `n` requests with this status instead of 204. */
  answerNext(n: number, status: number): void;
  close(): Promise<void>;
}

function selfSigned() {
  const dir = mkdtempSync(path.join(tmpdir(), "ab-tls-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return {
      key: readFileSync(path.join(dir, "key.pem"), "utf8"),
      cert: readFileSync(path.join(dir, "cert.pem"), "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startHttpsReceiver(): Promise<HttpsReceiver> {
  const { key, cert } = selfSigned();
  const requests: ReceivedRequest[] = [];
  let override = { n: 0, status: 204 };
  const server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(", ") : String(v),
          ]),
        ),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const status = override.n-- > 0 ? override.status : 204;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `https://127.0.0.1:${port}/hooks/actionboard`,
    ca: cert,
    requests,
    answerNext: (n, status) => void (override = { n, status }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
