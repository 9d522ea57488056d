-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "undoReason" TEXT,
ADD COLUMN     "undoneById" TEXT;

-- CreateIndex
CREATE INDEX "Handover_status_decidedAt_idx" ON "Handover"("status", "decidedAt");

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
