/**
 * The device of a session as people name it ("Chrome on Windows"), read from the browser's
 * user-agent with bowser (docs/decisions/0023-device-names.md). Pure: no framework, no database.
 */
import Bowser from "bowser";

export interface Device {
  /** The browser's name ("Chrome", "Safari", "Firefox"), or null when it cannot be told. */
  browser: string | null;
  /** The operating system ("Windows", "macOS", "iOS", "Android"), or null. */
  os: string | null;
  /** A phone or tablet rather than a computer. */
  mobile: boolean;
}

const UNKNOWN: Device = { browser: null, os: null, mobile: false };

/** Reads a user-agent; an empty, missing or unreadable one is an unknown device, never an error. */
export function describeDevice(userAgent: string | null | undefined): Device {
  const ua = userAgent?.trim();
  if (!ua) return UNKNOWN;
  try {
    const r = Bowser.parse(ua.slice(0, 512));
    return {
      browser: r.browser.name || null,
      os: r.os.name || null,
      mobile: r.platform.type === "mobile" || r.platform.type === "tablet",
    };
  } catch {
    return UNKNOWN;
  }
}
