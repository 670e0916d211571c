/** Text made safe inside HTML (an email's body, a hand-written page): the five special characters as references. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
