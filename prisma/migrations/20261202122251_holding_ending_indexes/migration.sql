-- CreateIndex
CREATE INDEX "Dispute_holderHoldingId_status_idx" ON "Dispute"("holderHoldingId", "status");

-- CreateIndex
CREATE INDEX "Handover_sellerHoldingId_status_idx" ON "Handover"("sellerHoldingId", "status");

-- CreateIndex
CREATE INDEX "Holding_viaHoldingId_endedAt_idx" ON "Holding"("viaHoldingId", "endedAt");
