import { describe, expect, it } from "vitest";
// @ts-expect-error a plain ES module of the server script, without types
import { clientAddress } from "../../scripts/client-address.mjs";

describe("the client address rate limits count", () => {
  it("is the socket's address, whatever X-Forwarded-For the client sends", () => {
    expect(clientAddress("203.0.113.9", "198.51.100.7", false)).toBe("198.51.100.7");
    expect(clientAddress("1.1.1.1, 2.2.2.2", "198.51.100.7", false)).toBe("198.51.100.7");
    expect(clientAddress(undefined, "::1", false)).toBe("::1");
  });

  it("behind a trusted proxy is the last hop, the one the proxy appended", () => {
    expect(clientAddress("203.0.113.9, 192.0.2.44", "10.0.0.2", true)).toBe("192.0.2.44");
    expect(clientAddress(["203.0.113.9", "192.0.2.44"], "10.0.0.2", true)).toBe("192.0.2.44");
    expect(clientAddress(undefined, "10.0.0.2", true)).toBe("10.0.0.2");
    expect(clientAddress(" , ", "10.0.0.2", true)).toBe("10.0.0.2");
  });

  it("is never empty", () => {
    expect(clientAddress(undefined, undefined, false)).toBe("unknown");
  });
});
