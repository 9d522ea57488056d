/**
 * A stand-in for the server process in tests/integration/faults-upload.test.ts, killed with SIGKILL
 * by the test while it works: it posts documents to the real upload route handler (mode "upload",
 * in a loop), or uploads the three documents of a request and submits it through the real server
 * action (mode "submit"), signed in as CRASH_USER_ID. It prints one line per step. Run with tsx
 * as a loader (see child-loader.mjs).
 */
import "next/dist/server/node-environment-baseline";
import sharp from "sharp";
import { database, db } from "@/lib/server/db";
import { POST as upload } from "@/app/api/verification/uploads/route";
import { submitVerificationAction } from "@/lib/verification/actions";
import { createUser, makeVin } from "@/tests/factories";
import { callAction, callRoute, signedIn } from "./request-scope";

const mode = process.argv[2];
// On PostgreSQL the child shares the test's database and user; the embedded database is one per
// process (here in memory), so there the child makes its own (uploads write no rows of their own).
if (!process.env.DATABASE_URL) await database().migrate();
const userId = process.env.DATABASE_URL ? process.env.CRASH_USER_ID! : (await createUser()).id;
const caller = await signedIn(userId, { address: `crash-${process.pid}` });
// A photo of a few megapixels: large enough that a kill can land while its copy is written.
const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 40 } } })
  .jpeg({ quality: 90 })
  .toBuffer();

async function post(kind: string): Promise<string> {
  const res = await callRoute(caller, upload as never, { method: "POST", path: `/api/verification/uploads?kind=${kind}&locale=nl`, body: new Uint8Array(photo), headers: { "content-type": "image/jpeg" } });
  const body = (await res.json()) as { uploadId?: string };
  if (res.status !== 201 || !body.uploadId) throw new Error(`upload refused: ${res.status} ${JSON.stringify(body)}`);
  return body.uploadId;
}

console.log("ready");
if (mode === "upload") {
  for (let i = 0; ; i++) {
    await post("ID_FRONT");
    console.log(`uploaded ${i}`);
  }
} else if (mode === "submit") {
  const fields = { upload_ID_FRONT: await post("ID_FRONT"), upload_ID_BACK: await post("ID_BACK"), upload_REGISTRATION: await post("REGISTRATION") };
  console.log("uploaded all");
  const r = await callAction(caller, submitVerificationAction, { vin: makeVin(), relationship: "OWNER", ...fields });
  console.log(`submitted ${JSON.stringify(r)}`);
  await db.$disconnect();
}
