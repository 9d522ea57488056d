/**
 * The fleet manager's console (issue 13 point 11, decision 0030), as the demo's fleet manager
 * uses it: the fleet's cars with their passports, read-only; a request to unlink a car for a sale,
 * which the garage approves in its console; each side gets an e-mail. Another garage reads the
 * fleet's car as not found. And a service entry's PDF invoice: the workshop records it, the owner
 * downloads it, another dealer cannot. English pages.
 */
import { expect, test, type Page } from "./fixtures";
import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { uniqueEmail, waitForMail } from "./support";
import { createPassport, GARAGE_A, GARAGE_B, signedIn, uniquePlate, uniqueVin } from "./passports-support";
import { DEALER_A, DEALER_B, acceptWithNewAccount, recordSale } from "./linking-support";

const FLEET_MANAGER = "fleet@demo.autodossier.test";

test("the fleet manager sees the fleet's cars with their passports, asks to unlink one, and the garage approves", async ({ browser }) => {
  // The garage links a new stock car to its fleet account (the demo's Toyota is in the fleet already).
  const garage = await signedIn(browser, GARAGE_A);
  const plate = uniquePlate();
  const passportId = await createPassport(garage.page, { plate, vin: uniqueVin(), make: "Skoda", model: "Octavia Combi", fleet: true });

  const fleet = await signedIn(browser, FLEET_MANAGER);
  const page = fleet.page;
  // The console's home links to the fleet's cars, and the navigation offers nothing else of the console.
  await page.goto("/en/console");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Fleet cars" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "AutoPaspoorts" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Service records" })).toHaveCount(0);
  await page.getByRole("link", { name: "See this fleet's cars" }).click();
  await expect(page).toHaveURL(/\/en\/console\/fleet$/);
  const cars = page.getByTestId("fleet-car");
  await expect(cars.filter({ hasText: "Toyota Corolla" })).toHaveCount(1);
  await expect(cars.filter({ hasText: "Skoda Octavia Combi" })).toHaveCount(1);

  // The demo Toyota's passport, read-only: status, costs, maintenance, its inspection.
  await cars.filter({ hasText: "Toyota Corolla" }).getByRole("link").click();
  await expect(page.getByTestId("fleet-car-status")).toHaveText("In stock");
  await expect(page.getByTestId("fleet-costs")).toContainText("Kleine beurt");
  await expect(page.getByTestId("fleet-maintenance")).toContainText("Kleine beurt");
  await expect(page.getByTestId("service-entry").first()).toContainText("APK-keuring");
  await expect(page.getByRole("button", { name: /Remove|Add/ })).toHaveCount(0);

  // The new car: ask the garage to unlink it for a sale.
  await page.goto("/en/console/fleet");
  await cars.filter({ hasText: "Skoda Octavia Combi" }).getByRole("link").click();
  await page.getByLabel("Reason").fill("Sold to a customer, delivery on Friday");
  await page.getByRole("button", { name: "Ask the garage to unlink" }).click();
  await expect(page.getByTestId("toast-success")).toContainText("sent to the garage");
  await expect(page.getByTestId("unlink-open")).toBeVisible();

  // The garage hears of it, and finds it in its console.
  const requested = await waitForMail(GARAGE_A, (m) => m.text.includes("Sold to a customer, delivery on Friday"));
  expect(requested.text).toContain("Sold to a customer");
  await garage.page.goto("/nl/console");
  await garage.page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Ontkoppelverzoeken" }).click();
  const request = garage.page.getByTestId("unlink-request").filter({ hasText: "Skoda Octavia Combi" });
  await expect(request).toContainText("Sold to a customer");
  await request.getByRole("button", { name: "Goedkeuren en ontkoppelen" }).click();
  await expect(garage.page.getByTestId("toast-success")).toContainText("ontkoppeld");
  await expect(garage.page.getByTestId("unlink-request").filter({ hasText: "Skoda Octavia Combi" })).toHaveCount(0);

  // The passport is unlinked: the garage can transfer it now.
  await garage.page.goto(`/nl/console/passports/${passportId}`);
  await expect(garage.page.getByTestId("fleet-state")).toHaveText("Niet gekoppeld");

  // The manager is told, and the car has left the fleet's list.
  const answered = await waitForMail(FLEET_MANAGER, (m) => /is (unlinked|ontkoppeld)/.test(m.subject) && m.text.includes("Skoda"));
  expect(answered.subject).toMatch(/ontkoppeld|unlinked/);
  await page.goto("/en/console/fleet");
  await expect(cars.filter({ hasText: "Skoda Octavia Combi" })).toHaveCount(0);
  const gone = await page.goto(`/en/console/fleet/${passportId}`);
  expect(gone?.status()).toBe(404);

  await fleet.context.close();
  await garage.context.close();
});

test("another garage, an owner and a signed-out visitor find neither the fleet's cars nor the requests", async ({ browser }) => {
  const fleet = await signedIn(browser, FLEET_MANAGER);
  await fleet.page.goto("/en/console/fleet");
  const href = await fleet.page.getByTestId("fleet-car").filter({ hasText: "Toyota Corolla" }).getByRole("link").getAttribute("href");
  const path = href!.replace(/^\/(en|nl)/, "");
  // The fleet manager has no garage pages.
  for (const p of ["/console/passports", "/console/unlink-requests"]) expect((await fleet.page.goto(`/en${p}`))?.status(), p).toBe(404);
  await fleet.context.close();

  for (const who of [GARAGE_B, "owner@demo.autodossier.test", GARAGE_A]) {
    const other = await signedIn(browser, who);
    expect((await other.page.goto(`/en${path}`))?.status(), who).toBe(404);
    expect((await other.page.goto("/en/console/fleet"))?.status(), who).toBe(404);
    await other.context.close();
  }
  const anon = await browser.newContext();
  const p = await anon.newPage();
  await p.goto(`/en${path}`);
  await expect(p).toHaveURL(/\/en\/sign-in/);
  await anon.close();
});

/** A one-page PDF invoice for the file input. */
async function invoicePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([300, 200]).drawText("Invoice 2026-042", { x: 20, y: 100, size: 14 });
  return Buffer.from(await doc.save());
}

async function openCar(staff: Page, vin: string) {
  await staff.goto("/en/console/dossier");
  await staff.getByLabel("Plate or VIN").fill(vin.slice(-8).toLowerCase());
  await staff.getByRole("button", { name: "Search" }).click();
  await staff.getByTestId("dossier-car").filter({ hasText: vin }).click();
  await expect(staff.getByTestId("record-work")).toBeVisible();
}

test("a workshop records a service with its PDF invoice; the owner downloads it, another dealer cannot", async ({ browser }) => {
  const vin = uniqueVin();
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email: uniqueEmail("invoice") });
  const owner = await acceptWithNewAccount(browser, link);

  await openCar(dealer.page, vin);
  const form = dealer.page.getByTestId("record-work");
  await form.locator('[name="kind"]').selectOption("SERVICE");
  await form.locator('[name="performedOn"]').fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
  await form.locator('[name="mileageKm"]').fill("1200");
  await form.locator('[name="description"]').fill("First service");
  await form.getByTestId("attachment-input").setInputFiles({ name: "Invoice 2026-042.pdf", mimeType: "application/pdf", buffer: await invoicePdf() });
  await form.getByRole("button", { name: "Save entry" }).click();
  await expect(dealer.page.getByTestId("form-success")).toBeVisible();

  // The owner downloads it from the car's history.
  await owner.page.goto(`/en/garage/vehicles/${owner.vehicleId}`);
  const attachment = owner.page.getByTestId("service-entry").filter({ hasText: "First service" }).getByTestId("entry-attachment");
  await expect(attachment).toContainText("Invoice 2026-042.pdf");
  const [download] = await Promise.all([owner.page.waitForEvent("download"), attachment.click()]);
  expect(download.suggestedFilename()).toBe("Invoice 2026-042.pdf");
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const href = (await attachment.getAttribute("href"))!;
  const res = await owner.page.request.get(href);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(res.headers()["cache-control"]).toContain("no-store");

  // Another dealer and a signed-out visitor: not found.
  const other = await signedIn(browser, DEALER_B);
  expect((await other.page.request.get(href)).status()).toBe(404);
  const anon = await browser.newContext();
  expect((await anon.request.get(href)).status()).toBe(404);
  await anon.close();
  await other.context.close();
  await owner.context.close();
  await dealer.context.close();
});
