-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "lockedBy" TEXT,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);
