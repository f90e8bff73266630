import "server-only";
import nodemailer from "nodemailer";
import { env } from "./env";

export type Mail = { to: string; subject: string; text: string };

let transport: nodemailer.Transporter | null | undefined;

/**
 * Sends a mail through SMTP_URL. Without SMTP_URL (local use) the mail is written to
 * the server log instead, so a developer can follow a reset link.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const e = env();
  if (transport === undefined) transport = e.SMTP_URL ? nodemailer.createTransport(e.SMTP_URL) : null;
  if (!transport) {
    console.log(`[mail] SMTP_URL is not set; this mail was not sent:\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return;
  }
  await transport.sendMail({ from: e.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}
