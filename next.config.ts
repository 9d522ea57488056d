import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// E-mail rendering (docs/decisions/0012-email-rendering.md) stays unbundled: loaded from node_modules
// as in vitest and tsx, the renderer's react-dom/server and React are one plain Node pair, not the
// react-server build that the instrumentation and server-component layers are bundled with.
const REACT_EMAIL = ["render", "html", "head", "body", "container", "section", "text", "button", "hr"].map((p) => `@react-email/${p}`);

// The icon sprite's version (components/ui/icons.tsx): its content's hash, so a changed sprite has
// a new address and the old one may be cached for a year.
const ICONS_VERSION = createHash("sha256").update(readFileSync("public/icons.svg")).digest("hex").slice(0, 10);

const nextConfig: NextConfig = {
  env: { ICONS_VERSION },
  // A separate build directory lets parallel test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg", "smtp-server", "mailparser", "nodemailer", ...REACT_EMAIL],
  experimental: {
    // 11 MB: a service entry may carry a 10 MB invoice or report (docs/decisions/0030).
    serverActions: { bodySizeLimit: "11mb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/icons.svg", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }, { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      // A buyer report (docs/decisions/0036): never indexed, whatever a crawler makes of the page's metadata.
      { source: "/:locale/report/:token", headers: [{ key: "X-Robots-Tag", value: "noindex, nofollow" }] },
      // Verification documents: the review page shows PDFs in a frame, so this route alone may be framed by our own pages.
      { source: "/api/verification/documents/:id", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }, { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'self'" }] },
      // The same for a contested dispute's documents (docs/decisions/0035).
      { source: "/api/verification/disputes/:id/documents/:documentId", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }, { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'self'" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
