/** Types of scripts/s3-server.mjs (a plain ES module, run by node directly). */
export declare const S3RVER_CREDENTIALS: { accessKeyId: string; secretAccessKey: string };
export type LocalS3Server = {
  readonly bucket: string;
  readonly directory: string;
  readonly port: number;
  readonly endpoint: string;
  close(): Promise<void>;
  restart(): Promise<void>;
};
export declare function startS3Server(opts?: { port?: number; dir?: string; bucket?: string }): Promise<LocalS3Server>;
