-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('OPEN', 'CONTESTED', 'RELEASED', 'LAPSED', 'CLAIMANT_UPHELD', 'HOLDER_UPHELD', 'WITHDRAWN');

-- AlterEnum
ALTER TYPE "HoldingEndReason" ADD VALUE 'RELEASED';

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL,
    "vehicleId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "claimantId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "holderHoldingId" TEXT NOT NULL,
    "route" "VerificationRoute" NOT NULL,
    "dealerId" TEXT,
    "status" "DisputeStatus" NOT NULL DEFAULT 'OPEN',
    "respondBy" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "contestNote" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Dispute_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisputeDocument" (
    "id" TEXT NOT NULL,
    "disputeId" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "DisputeDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_requestId_key" ON "Dispute"("requestId");

-- CreateIndex
CREATE INDEX "Dispute_status_respondBy_idx" ON "Dispute"("status", "respondBy");

-- CreateIndex
CREATE INDEX "Dispute_holderId_status_idx" ON "Dispute"("holderId", "status");

-- CreateIndex
CREATE INDEX "Dispute_claimantId_idx" ON "Dispute"("claimantId");

-- CreateIndex
CREATE INDEX "Dispute_route_dealerId_status_idx" ON "Dispute"("route", "dealerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "DisputeDocument_storageKey_key" ON "DisputeDocument"("storageKey");

-- CreateIndex
CREATE INDEX "DisputeDocument_disputeId_idx" ON "DisputeDocument"("disputeId");

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_vehicleId_fkey" FOREIGN KEY ("vehicleId") REFERENCES "Vehicle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "VerificationRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_holderHoldingId_fkey" FOREIGN KEY ("holderHoldingId") REFERENCES "Holding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_dealerId_fkey" FOREIGN KEY ("dealerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dispute" ADD CONSTRAINT "Dispute_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisputeDocument" ADD CONSTRAINT "DisputeDocument_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "Dispute"("id") ON DELETE CASCADE ON UPDATE CASCADE;
