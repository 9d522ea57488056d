// A small S3-compatible server on this machine (the `s3rver` package, backed by a folder), for the
// storage tests, the two-node test and the deploy guide's local recipe: no S3 service is
// reachable here. Not for production: use AWS S3, MinIO, Ceph or a provider's object storage.
//
//   node scripts/s3-server.mjs [--port 4569] [--dir /tmp/s3] [--bucket documents]
//
// Clients use path-style addressing, region us-east-1 and the credentials S3RVER / S3RVER.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import S3rver from "s3rver";

export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/**
 * Starts the server with the bucket made. `close()` also drops kept-alive client connections, so
 * a test can take the store away from a running client (an outage) and `restart()` it on the
 * same port and folder.
 */
export async function startS3Server({ port = 0, dir, bucket = "documents" } = {}) {
  const directory = dir ?? mkdtempSync(path.join(tmpdir(), "autodossier-s3-"));
  let server;
  let boundPort = port;
  const start = async () => {
    server = new S3rver({ port: boundPort, address: "127.0.0.1", directory, silent: true, configureBuckets: [{ name: bucket }] });
    const address = await server.run();
    boundPort = address.port;
  };
  await start();
  const close = async () => {
    const http = server.httpServer;
    const closed = server.close();
    http.closeAllConnections?.();
    await closed;
  };
  return {
    bucket,
    directory,
    get port() {
      return boundPort;
    },
    get endpoint() {
      return `http://127.0.0.1:${boundPort}`;
    },
    close,
    restart: start,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const s3 = await startS3Server({ port: Number(arg("port", "4569")), dir: arg("dir", undefined), bucket: arg("bucket", "documents") });
  console.log(JSON.stringify({ endpoint: s3.endpoint, bucket: s3.bucket, directory: s3.directory }));
  const stop = () => void s3.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
