import { describe, expect, it } from "vitest";
// @ts-expect-error a plain ES module of the start script, without types
import { demoModeOf } from "../../scripts/start-env.mjs";

const demo = (env: Record<string, string | undefined>): boolean => demoModeOf(env);

describe("whether `npm start` runs the demo", () => {
  it("is on for the README's first command: no configuration at all", () => {
    expect(demo({})).toBe(true);
    expect(demo({ PORT: "4000" })).toBe(true);
    expect(demo({ APP_URL: "http://localhost:3000" })).toBe(true);
    expect(demo({ APP_URL: "http://127.0.0.1:3000/" })).toBe(true);
    expect(demo({ APP_URL: "http://[::1]:3000" })).toBe(true);
    expect(demo({ NODE_ENV: "development" })).toBe(true);
  });

  it("is off on PostgreSQL unless asked for (the README's PostgreSQL command asks)", () => {
    expect(demo({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/autodossier" })).toBe(false);
    expect(demo({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/autodossier", DEMO_MODE: "true" })).toBe(true);
  });

  it("is never turned on by itself for a start configured for production", () => {
    expect(demo({ NODE_ENV: "production" })).toBe(false);
    expect(demo({ APP_URL: "https://portal.garage-devries.nl" })).toBe(false);
    expect(demo({ APP_URL: "http://192.0.2.10:3000" })).toBe(false);
    expect(demo({ APP_URL: "http://localhost.garage-devries.nl" })).toBe(false);
    // An APP_URL nobody can read is not a local one (the configuration check refuses it anyway).
    expect(demo({ APP_URL: "not a url" })).toBe(false);
  });

  it("follows DEMO_MODE when the operator spells it out, production or not", () => {
    expect(demo({ NODE_ENV: "production", DEMO_MODE: "true" })).toBe(true);
    expect(demo({ APP_URL: "https://demo.autodossier.example", DEMO_MODE: "1" })).toBe(true);
    expect(demo({ DEMO_MODE: "false" })).toBe(false);
    expect(demo({ DEMO_MODE: "0" })).toBe(false);
  });

  it("treats an empty DEMO_MODE as not given", () => {
    expect(demo({ DEMO_MODE: "" })).toBe(true);
    expect(demo({ DEMO_MODE: " ", NODE_ENV: "production" })).toBe(false);
  });
});
