import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/server/env-schema";

const SECRET = "a-secret-of-at-least-32-characters-long";

describe("RDW_API_URL", () => {
  it("defaults to the RDW's open data, takes another http(s) URL or off, and names a bad value", () => {
    expect(parseEnv({ AUTH_SECRET: SECRET }).RDW_API_URL).toBe("https://opendata.rdw.nl");
    expect(parseEnv({ AUTH_SECRET: SECRET, RDW_API_URL: " " }).RDW_API_URL).toBe("https://opendata.rdw.nl");
    expect(parseEnv({ AUTH_SECRET: SECRET, RDW_API_URL: "http://127.0.0.1:3126/rdw" }).RDW_API_URL).toBe("http://127.0.0.1:3126/rdw");
    expect(parseEnv({ AUTH_SECRET: SECRET, RDW_API_URL: "off" }).RDW_API_URL).toBe("off");
    expect(() => parseEnv({ AUTH_SECRET: SECRET, RDW_API_URL: "ftp://rdw.example" })).toThrow(/RDW_API_URL/);
  });
});
