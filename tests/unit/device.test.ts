import { describe, expect, it } from "vitest";
import { describeDevice } from "@/lib/accounts/device";

describe("describeDevice (a session's user-agent as people name it)", () => {
  it.each([
    ["Chrome on Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", { browser: "Chrome", os: "Windows", mobile: false }],
    ["Safari on an iPhone", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", { browser: "Safari", os: "iOS", mobile: true }],
    ["Chrome on an Android phone", "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", { browser: "Chrome", os: "Android", mobile: true }],
    ["Firefox on macOS", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0", { browser: "Firefox", os: "macOS", mobile: false }],
    ["Edge on Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.80", { browser: "Microsoft Edge", os: "Windows", mobile: false }],
  ])("%s", (_name, ua, expected) => {
    expect(describeDevice(ua)).toEqual(expected);
  });

  it("reads an empty, missing or unknown user-agent as an unknown device", () => {
    const unknown = { browser: null, os: null, mobile: false };
    expect(describeDevice(null)).toEqual(unknown);
    expect(describeDevice(undefined)).toEqual(unknown);
    expect(describeDevice("")).toEqual(unknown);
    expect(describeDevice("   ")).toEqual(unknown);
    expect(describeDevice("curl/8.0")).toEqual(unknown);
  });
});
