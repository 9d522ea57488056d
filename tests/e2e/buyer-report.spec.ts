/**
 * The buyer report (issue 17 part 3, docs/decisions/0036), end to end: the demo owner makes a
 * link on the 911's page; a signed-out browser reads the report (the car, its history, mileage,
 * recall and warranty, the mark and the QR code, nobody's personal data), switches to French and
 * downloads the PDF; the owner sees the views counted and revokes; the link then reads as gone.
 * An expired link (moved into the past in the database) reads as gone too.
 */
import { expect, test, type Browser, type Page } from "./fixtures";
import { createHash } from "node:crypto";
import pg from "pg";
import { pdfText } from "../support/pdf-text";
import { signIn } from "./support";

const OWNER = "owner@demo.autodossier.test";
/** Personal data of the demo people around the 911 (owner, dealer and garage staff), and the owner's name for the car. */
const PERSONAL = ["Sanne", "de Jong", OWNER, "Pieter", "Bakker", "dealer@demo.autodossier.test", "Fatima", "El Amrani", "garage@demo.autodossier.test", "De weekendauto"];

async function ownerOn911(browser: Browser): Promise<{ page: Page; vehicleId: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, OWNER, undefined, "en");
  await page.goto("/en/garage");
  const href = await page.getByTestId("garage-vehicle").filter({ hasText: "911" }).getByRole("link").first().getAttribute("href");
  const vehicleId = href!.split("/").pop()!;
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  return { page, vehicleId };
}

async function makeLink(page: Page, days: string): Promise<{ url: string; linkId: string }> {
  const section = page.getByTestId("report-links");
  await section.getByLabel("Valid for (days)").fill(days);
  await section.getByRole("button", { name: "Create link" }).click();
  await expect(section.getByTestId("report-link-created")).toBeVisible();
  const url = await section.getByTestId("report-link-url").inputValue();
  const linkId = (await section.getByTestId("report-link-id").textContent())!;
  expect(url).toMatch(/^http:\/\/localhost:\d+\/en\/report\/[\w-]{43}$/);
  return { url, linkId };
}

test("the owner shares a buyer report; read signed out, in French, as PDF; views counted; revoked reads as gone", async ({ browser }) => {
  const owner = await ownerOn911(browser);
  // A bad number of days is refused next to the field.
  const section = owner.page.getByTestId("report-links");
  await section.getByLabel("Valid for (days)").fill("31");
  await section.getByRole("button", { name: "Create link" }).click();
  await expect(section.getByText("Choose a whole number of days from 1 to 30.")).toBeVisible();
  const { url, linkId } = await makeLink(owner.page, "5");

  // A buyer: a fresh browser, signed out.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  const res = await buyer.goto(url);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["cache-control"]).toContain("no-store");
  expect(res?.headers()["x-robots-tag"]).toContain("noindex");
  await expect(buyer.getByTestId("report-car")).toHaveText("Porsche 911 Carrera");
  await expect(buyer.getByTestId("report-facts")).toContainText("GZ-231-K");
  await expect(buyer.getByTestId("report-facts")).toContainText("WP0ZZZ99ZTS392124");
  await expect(buyer.getByTestId("report-verified")).toContainText("Verified by Autodossier on");
  await expect(buyer.getByTestId("report-qr")).toBeVisible();
  await expect(buyer.getByTestId("mileage-verdict")).toBeVisible();
  expect(await buyer.getByTestId("service-entry").count()).toBeGreaterThan(0);
  await expect(buyer.getByTestId("service-history")).toContainText("Porsche Centrum Amsterdam");
  await expect(buyer.getByTestId("report-recall")).not.toHaveCount(0);
  await expect(buyer.getByTestId("report-warranty")).not.toHaveCount(0);
  await expect(buyer.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const html = await buyer.content();
  for (const s of PERSONAL) expect(html, s).not.toContain(s);

  // The reader chooses French: the page and the PDF link follow.
  await buyer.getByTestId("report-languages").getByRole("link", { name: "Français" }).click();
  await expect(buyer).toHaveURL(/\/fr\/report\//);
  await expect(buyer.getByTestId("report-verified")).toContainText("Vérifié par Autodossier le");
  const pdfHref = await buyer.getByTestId("report-pdf").getAttribute("href");
  expect(pdfHref).toContain("locale=fr");
  const pdf = await buyer.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["cache-control"]).toContain("no-store");
  const { pages, text } = await pdfText(new Uint8Array(await pdf.body()));
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(text).toContain("GZ-231-K");
  expect(text).toContain("Vérifié par Autodossier le");
  for (const s of PERSONAL) expect(text, s).not.toContain(s);

  // The owner sees two views (English, then French; the PDF is not a view).
  await owner.page.reload();
  const row = owner.page.locator(`[data-testid="report-link"][data-link-id="${linkId}"]`);
  await expect(row.getByTestId("report-link-views")).toHaveAttribute("data-views", "2");
  await expect(row).toContainText("viewed 2 times");

  // Revoked: the page says it is gone and shows nothing of the car; the PDF is not found.
  await row.getByRole("button", { name: "Revoke" }).click();
  await owner.page.getByRole("alertdialog").getByRole("button", { name: "Revoke link" }).click();
  await expect(row).toHaveAttribute("data-state", "revoked");
  await buyer.goto(url);
  await expect(buyer.getByTestId("report-gone")).toBeVisible();
  expect(await buyer.content()).not.toContain("WP0ZZZ99ZTS392124");
  expect((await buyer.request.get(pdfHref!)).status()).toBe(404);
  await buyerContext.close();
});

test("an expired report link reads as gone", async ({ browser }) => {
  test.skip(!process.env.DATABASE_URL, "needs direct database access (PostgreSQL); the embedded database admits the server only");
  const owner = await ownerOn911(browser);
  const { url, linkId } = await makeLink(owner.page, "1");
  const token = new URL(url).pathname.split("/").pop()!;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const res = await client.query(`UPDATE "ReportLink" SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [createHash("sha256").update(token).digest("hex")]);
    expect(res.rowCount).toBe(1);
  } finally {
    await client.end();
  }
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(url);
  await expect(buyer.getByTestId("report-gone")).toBeVisible();
  // Nothing of the car (the VIN; the message files use the plate GZ-231-K as an example).
  expect(await buyer.content()).not.toContain("WP0ZZZ99ZTS392124");
  await owner.page.reload();
  await expect(owner.page.locator(`[data-testid="report-link"][data-link-id="${linkId}"]`)).toHaveAttribute("data-state", "expired");
  await buyerContext.close();
});
