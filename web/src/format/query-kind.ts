/** Does the search text look like a URL or a host name (so Enter asks "who to contact")? */
export function looksLikeUrlOrHostname(text: string): boolean {
  const q = text.trim();
  if (q === '' || /\s/.test(q)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(q)) return true;
  return /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\.?(:\d+)?(\/\S*)?$/i.test(q);
}
