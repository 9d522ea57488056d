import { NextResponse } from "next/server";
import { env } from "@/lib/server/env";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/demo-accounts";

/**
 * The demo accounts, for the prerendered sign-in page to list when the portal runs with
 * DEMO_MODE (docs/decisions/0041): built once for every portal, the page cannot know. Without
 * DEMO_MODE, not found: the accounts do not exist there.
 */
export async function GET() {
  if (!env.DEMO_MODE) return NextResponse.json({ error: "not found" }, { status: 404 });
  return NextResponse.json({ password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role })) });
}
