import { can } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { route } from "@/lib/server/route";
import { documentResponse } from "@/lib/verification/document-response";
import { readDisputeDocument } from "@/lib/disputes/read-document";

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * GET /api/verification/disputes/:id/documents/:documentId — a document copy of a contested
 * dispute (the claimant's or the holder's), shown inline to the dispute's reviewer and to no one
 * else (everyone else, and every deleted copy: 404). Never cached.
 */
export const GET = route<{ id: string; documentId: string }>(
  async (_request, { actor, params: { id, documentId } }) => {
    if (!ID.test(id) || !ID.test(documentId) || !can(actor, "verification:review")) throw new AppError("NOT_FOUND");
    return documentResponse(await readDisputeDocument({ actor, disputeId: id, documentId }));
  },
  { errors: "not-found" },
);
