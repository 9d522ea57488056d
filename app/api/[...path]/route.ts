import { notFoundResponse } from "@/lib/server/route";

/**
 * An API path no route serves answers a plain 404, not the HTML not-found page: that page's
 * scripts and styles would be refused by the API's CSP (default-src 'none', next.config.ts).
 */
const notFound = async () => notFoundResponse();

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
