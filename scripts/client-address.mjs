// The client address the portal counts rate limits by (see scripts/server.mjs). Pure.

/**
 * @param {string | string[] | undefined} forwardedFor the request's X-Forwarded-For
 * @param {string | undefined} socketAddress the TCP peer
 * @param {boolean} trustProxy behind a reverse proxy that appends the client's address
 * @returns {string}
 */
export function clientAddress(forwardedFor, socketAddress, trustProxy) {
  if (trustProxy && forwardedFor) {
    const hops = [forwardedFor].flat().join(",").split(",").map((s) => s.trim()).filter(Boolean);
    if (hops.length) return hops[hops.length - 1];
  }
  return socketAddress || "unknown";
}
