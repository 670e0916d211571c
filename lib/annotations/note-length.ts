// Zod-free, so the note form can read it in the browser: zod probes for eval, which the pages'
// Content-Security-Policy refuses (e2e/security-headers.spec.ts).
export const MAX_NOTE_LENGTH = 280;
