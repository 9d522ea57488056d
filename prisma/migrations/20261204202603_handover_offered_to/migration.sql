-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "offeredToId" TEXT;

-- CreateIndex
CREATE INDEX "Handover_offeredToId_idx" ON "Handover"("offeredToId");

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_offeredToId_fkey" FOREIGN KEY ("offeredToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: the handovers started before this column told their buyer's inbox with a message
-- naming the handover; its recipient is the account the offer went to.
UPDATE "Handover" h SET "offeredToId" = m."userId"
FROM "Message" m
WHERE m."kind" = 'handover_offered' AND m."data"->>'handoverId' = h."id";
