-- CreateTable
CREATE TABLE "ReportLink" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "ownerHoldingId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "views" INTEGER NOT NULL DEFAULT 0,
    "lastViewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportLink_tokenHash_key" ON "ReportLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ReportLink_ownerHoldingId_createdAt_idx" ON "ReportLink"("ownerHoldingId", "createdAt");

-- AddForeignKey
ALTER TABLE "ReportLink" ADD CONSTRAINT "ReportLink_ownerHoldingId_fkey" FOREIGN KEY ("ownerHoldingId") REFERENCES "Holding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
