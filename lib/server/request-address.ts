/**
 * The client's address as the portal's server (scripts/server.mjs) put it in X-Forwarded-For:
 * the socket's address, or with TRUST_PROXY the last hop the reverse proxy appended. The
 * client cannot choose it there; under `next dev` the header is the client's own.
 */
export function requestAddress(headers: Headers): string {
  return (headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown").slice(0, 64);
}
