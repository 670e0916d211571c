// An SMTP server inside the test process (smtp-server) that keeps every message it accepts,
// parsed by mailparser: what a real mail server would have received.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** Refuse the next `n` messages with a 451 (a mail server having trouble). */
  failNext(n: number): void;
  close(): Promise<void>;
}

/** Listens on `port` (default: any free one) of 127.0.0.1; `delayMs` slows each answer. */
export async function startSmtpSink(port = 0, delayMs = 0): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      if (failures > 0) {
        failures--;
        stream.resume();
        stream.on("end", () =>
          callback(Object.assign(new Error("Try again later"), { responseCode: 451 })),
        );
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          setTimeout(callback, delayMs);
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    failNext: (n) => void (failures = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
