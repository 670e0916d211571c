/** A webhook URL's host: its path and query often carry a token, so viewers see only this. */
export const webhookHost = (url: string | null) => (url ? new URL(url).host : "");
