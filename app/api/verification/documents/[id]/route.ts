import { can } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { route } from "@/lib/server/route";
import { documentResponse } from "@/lib/verification/document-response";
import { readDocument } from "@/lib/verification/read-document";


/**
 * GET /api/verification/documents/:id — a document copy, decrypted, shown inline to the reviewer
 * holding its request and to no one else (everyone else, and every deleted copy: 404). Never
 * cached; framed only by our own pages (the review page shows PDFs in a frame: the CSP and
 * X-Frame-Options for this route are set in next.config.ts).
 */
export const GET = route<{ id: string }>(
  async (_request, { actor, params: { id } }) => {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(id) || !can(actor, "verification:review")) throw new AppError("NOT_FOUND");
    return documentResponse(await readDocument({ actor, documentId: id }));
  },
  { errors: "not-found" },
);
