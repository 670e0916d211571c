// A local mail server for trying deliveries without a real one: it accepts every message and
// keeps it as an .eml file (open it in any mail program). `npm run demo` starts one unless
// SMTP_URL is set; `npm run mail:catch` runs one alone (MAIL_CATCHER_PORT, default 2525).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readCommandLine } from "./lib/command-line.mjs";

export async function startMailCatcher(port: number, folder: string) {
  // Loaded here, not at the top: `npm run mail:catch -- --help` answers without it.
  const { SMTPServer } = await import("smtp-server");
  mkdirSync(folder, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
        const file = path.join(
          folder,
          `${new Date().toISOString().replace(/[:.]/g, "-")}-${++count}.eml`,
        );
        writeFileSync(file, Buffer.concat(chunks));
        console.log(`  Mail to ${to} kept in ${file}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  readCommandLine({
    command: "npm run mail:catch",
    summary:
      "A local mail server that keeps every message as an .eml file in .data/mail, for trying deliveries.",
    notes: [
      "Environment: MAIL_CATCHER_PORT (2525). Start the app with SMTP_URL=smtp://127.0.0.1:<port>.",
    ],
  });
  const port = Number(process.env.MAIL_CATCHER_PORT ?? 2525);
  const folder = path.resolve(".data", "mail");
  const { url } = await startMailCatcher(port, folder);
  console.log(
    `Mail catcher at ${url}: start the app with SMTP_URL=${url}; mail is kept in ${folder}`,
  );
}
