/**
 * The suite's `test` and `expect`: Playwright's, with an automatic accessibility check (decision
 * 0040). Every page a test opens in the portal (its own `page`, a page of a context it creates
 * with `browser.newContext()`, a popup) is checked with axe-core once per distinct page per worker
 * (`pageKey`: the path with ids and tokens replaced, and the query's keys), against
 * WCAG 2.0/2.1 A and AA; a violation of impact "serious" or "critical" fails the test, listing
 * the rule, the elements and the URL.
 *
 * When the page is checked: when the test is done with it and it has settled, i.e. before the
 * next action or auto-waiting assertion on it (a locator handler, which Playwright runs in line
 * with the test, so axe never races a click), before `page.goto` leaves it, before its context
 * closes, and at the end of the test. A check cut short by a navigation is retried at the next
 * of those moments. E2E_AXE=off turns the checks off.
 * Specs import `test` from here, never from "@playwright/test" (eslint.config.mjs).
 */
import AxeBuilder from "@axe-core/playwright";
import { appendFileSync } from "node:fs";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };
export type * from "@playwright/test";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING = new Set(["serious", "critical"]);

/** Errors of a check interrupted by the page navigating or closing: the check is retried later. */
const INTERRUPTED = /Execution context was destroyed|Target (page, context or browser )?(has been )?closed|frame (was|got) detached|navigat|Cannot find context|has been closed/i;

interface Axe {
  watch(page: Page): void;
  watchContext(context: BrowserContext): void;
  checkAll(): Promise<void>;
  found: string[];
}

/**
 * The pages this worker has checked, across its tests: a page is its path with ids and tokens
 * replaced (a segment with a digit, or of 20 characters or more) and its query's keys. The long
 * journeys open the same pages many times (the garage, a car, the console's lists); checking each
 * once per worker keeps the suite's cost per page near one check, not one per visit.
 */
const checked = new Set<string>();

export function pageKey(url: string): string {
  const u = new URL(url);
  const path = u.pathname
    .split("/")
    .map((s) => (/\d/.test(s) || s.length >= 20 ? ":id" : s))
    .join("/");
  const keys = [...new Set(u.searchParams.keys())].sort();
  return keys.length ? `${path}?${keys.join("&")}` : path;
}

function axeWatcher(origin: string): Axe {
  const pages = new Set<Page>();
  const contexts = new WeakSet<BrowserContext>();
  const found: string[] = [];

  /** The check running on each page: a second caller (actions run with Promise.all) waits for it, as axe runs one at a time in a page. */
  const running = new WeakMap<Page, Promise<void>>();

  function check(page: Page): Promise<void> {
    const current = running.get(page);
    if (current) return current;
    const next = checkNow(page).finally(() => running.delete(page));
    running.set(page, next);
    return next;
  }

  async function checkNow(page: Page) {
    if (page.isClosed()) return;
    const url = page.url();
    if (!url.startsWith(origin) || checked.has(pageKey(url))) return;
    try {
      await page.waitForLoadState("load", { timeout: 10_000 });
      // After a client-side navigation (a link, or an action's redirect) the URL changes before
      // Next has committed the new page's metadata, which it streams after the page: for that
      // moment the document has no <title>. Wait for it, briefly; a page that never gets one
      // is still reported by axe below.
      await page.waitForFunction(() => document.title !== "", null, { timeout: 5_000 }).catch(() => {});
      if (page.url() !== url) return; // moved on meanwhile; the new URL is checked later
      const html = await page.evaluate(() => document.contentType === "text/html" && !!document.body);
      if (!html) {
        checked.add(pageKey(url));
        return;
      }
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
      if (page.url() !== url) return;
      checked.add(pageKey(url));
      for (const v of violations) {
        if (!FAILING.has(v.impact ?? "")) continue;
        const targets = v.nodes.map((n) => `    ${n.target.join(" >> ")}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, "\n      ")}` : ""}`);
        const line = `${v.impact} ${v.id} (${v.help}) at ${url}\n${targets.join("\n")}`;
        found.push(line);
        // AXE_LOG=file: every violation also goes there as found (a survey of the whole suite).
        if (process.env.AXE_LOG) appendFileSync(process.env.AXE_LOG, `${line}\n`);
      }
    } catch (e) {
      if (page.isClosed() || INTERRUPTED.test(String(e))) return;
      throw e;
    }
  }

  function watch(page: Page) {
    if (pages.has(page)) return;
    pages.add(page);
    page.on("close", () => pages.delete(page));
    // Before every action and auto-waiting assertion: <html> is always there, so the handler runs
    // each time; it checks the current URL unless already done, and never waits for <html> to go.
    void page
      .addLocatorHandler(page.locator("html"), () => check(page), { noWaitAfter: true })
      .catch(() => {});
    const goto = page.goto.bind(page);
    page.goto = async (...args: Parameters<Page["goto"]>) => {
      await check(page);
      return goto(...args);
    };
  }

  function watchContext(context: BrowserContext) {
    if (contexts.has(context)) return;
    contexts.add(context);
    for (const p of context.pages()) watch(p);
    context.on("page", watch);
    const close = context.close.bind(context);
    context.close = async (...args: Parameters<BrowserContext["close"]>) => {
      for (const p of context.pages()) await check(p);
      return close(...args);
    };
  }

  async function checkAll() {
    for (const p of [...pages]) await check(p);
  }

  return { watch, watchContext, checkAll, found };
}

export const test = base.extend<{ axe: Axe }>({
  axe: [
    async ({ context, browser, baseURL }, run) => {
      // E2E_AXE=off: no checks. `npm test` sets it in its database scope (scripts/test.mjs): a
      // second run of the suite on the other database, whose pages are the same markup.
      if (process.env.E2E_AXE === "off") return run({ watch() {}, watchContext() {}, async checkAll() {}, found: [] });
      const axe = axeWatcher(new URL(baseURL ?? "http://localhost").origin);
      axe.watchContext(context);
      // Contexts and pages the test makes itself (a second user's browser).
      const b = browser as Browser & { newContext: Browser["newContext"]; newPage: Browser["newPage"] };
      const { newContext, newPage } = b;
      b.newContext = async (options = {}) => {
        // The config's baseURL, said explicitly: a test that timed out runs on past its teardown,
        // and a context it made then lacked it, hiding the timeout behind "invalid URL".
        const c = await newContext.call(browser, { ...(baseURL ? { baseURL } : {}), ...options });
        axe.watchContext(c);
        return c;
      };
      b.newPage = async (...args) => {
        const p = await newPage.apply(browser, args);
        axe.watchContext(p.context());
        return p;
      };
      try {
        await run(axe);
        await axe.checkAll();
      } finally {
        b.newContext = newContext;
        b.newPage = newPage;
      }
      if (axe.found.length) {
        throw new Error(`axe: ${axe.found.length} serious or critical accessibility violation(s):\n${axe.found.join("\n")}`);
      }
    },
    { auto: true },
  ],
});
