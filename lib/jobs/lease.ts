/**
 * Once per interval across every app node (issue 16): each node's timer only asks; the database
 * answers. A node runs a job after claiming its `JobLease` row with one conditional UPDATE (due
 * since the last run began, and no live claim), so two nodes ticking at the same moment or at
 * different moments run it once per interval between them. A node that dies mid-run leaves a
 * claim that lapses at `lockedUntil`; a run that fails frees the claim without counting as a
 * run, so the next tick tries again.
 */
import { hostname } from "node:os";
import type { PrismaClient } from "../../generated/prisma/client";

export const NODE_NAME = `${hostname()}:${process.pid}`;

export type LeaseRun<T> = { ran: false } | { ran: true; result: T };

export async function runIfDue<T>(
  prisma: PrismaClient,
  job: { name: string; intervalMs: number; maxRunMs: number },
  fn: () => Promise<T>,
  opts: { now?: Date; node?: string } = {},
): Promise<LeaseRun<T>> {
  const now = opts.now ?? new Date();
  const node = opts.node ?? NODE_NAME;
  await prisma.$executeRaw`INSERT INTO "JobLease" (name) VALUES (${job.name}) ON CONFLICT (name) DO NOTHING`;
  const dueBefore = new Date(now.getTime() - job.intervalMs);
  const lockedUntil = new Date(now.getTime() + job.maxRunMs);
  const claimed = await prisma.$executeRaw`
    UPDATE "JobLease" SET "lockedUntil" = ${lockedUntil}, "lockedBy" = ${node}
    WHERE name = ${job.name}
      AND ("lastRunAt" IS NULL OR "lastRunAt" <= ${dueBefore})
      AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})`;
  if (claimed !== 1) return { ran: false };
  try {
    const result = await fn();
    await prisma.$executeRaw`
      UPDATE "JobLease" SET "lastRunAt" = ${now}, "lockedUntil" = NULL, "lockedBy" = NULL
      WHERE name = ${job.name} AND "lockedBy" = ${node}`;
    return { ran: true, result };
  } catch (e) {
    await prisma.$executeRaw`
      UPDATE "JobLease" SET "lockedUntil" = NULL, "lockedBy" = NULL
      WHERE name = ${job.name} AND "lockedBy" = ${node}`;
    throw e;
  }
}
