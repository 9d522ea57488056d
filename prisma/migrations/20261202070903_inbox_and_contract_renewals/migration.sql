-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "endingNoticeSentAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Contract_status_endsAt_idx" ON "Contract"("status", "endsAt");

-- CreateIndex
CREATE INDEX "Message_userId_readAt_idx" ON "Message"("userId", "readAt");

-- The garage's transfer notifications become inbox messages of kind transfer_received, linking to
-- the garage where the offer is accepted or declined (lib/passports/transfer-common.ts).
UPDATE "Message" SET "kind" = 'transfer_received', "data" = "data" || '{"link": "/garage"}'::jsonb
WHERE "kind" = 'passport.transfer_offered';
