/**
 * Issue 17, part 4: staff type a Dutch plate and the car's make, model, model year and fuel are
 * filled in from the RDW's open data (replayed from tests/fixtures/rdw/ by the mail catcher's HTTP
 * server, scripts/serve-e2e.mjs); a VIN whose maker is not the plate's make gets a warning; a
 * plate the RDW never issues is refused with a field error.
 */
import { expect, test, type Page } from "./fixtures";
import { uniqueEmail } from "./support";
import { field, GARAGE_A, signedIn, uniquePlate, uniqueVin } from "./passports-support";
import { DEALER_A } from "./linking-support";

/** The field error of the plate: the text its aria-describedby names. */
async function plateError(page: Page) {
  await expect(field(page, "plate")).toHaveAttribute("aria-invalid", "true");
  const id = await field(page, "plate").getAttribute("aria-describedby");
  return page.locator(`[id="${id}"]`);
}

test("a garage types a plate: the car is filled in from the RDW, stays editable, and a VIN of another maker is flagged", async ({ browser }) => {
  const { context, page } = await signedIn(browser, GARAGE_A);
  await page.goto("/nl/console/passports/new");
  await field(page, "plate").fill("hnp 72 k");
  await field(page, "plate").blur();
  await expect(field(page, "make")).toHaveValue("Volkswagen");
  await expect(field(page, "model")).toHaveValue("Golf");
  await expect(field(page, "modelYear")).toHaveValue("2024");
  await expect(field(page, "fuel")).toHaveValue("PETROL");
  await expect(page.getByTestId("lookup-filled")).toContainText("RDW");

  // A Porsche's VIN with a Volkswagen's plate: a warning, nothing refused or replaced.
  await field(page, "vin").fill("WP0ZZZ99ZTS392124");
  await expect(page.getByTestId("vin-make-mismatch")).toContainText("WP0");
  await expect(page.getByTestId("vin-make-mismatch")).toContainText("Porsche");
  await expect(page.getByTestId("vin-make-mismatch")).toContainText("Volkswagen");
  await expect(field(page, "make")).toHaveValue("Volkswagen");
  // A Volkswagen's VIN agrees: the warning goes.
  await field(page, "vin").fill("WVWZZZ1KZ8W000001");
  await expect(page.getByTestId("vin-make-mismatch")).toHaveCount(0);

  // What was filled in stays editable.
  await field(page, "model").fill("Golf 1.5 eTSI");
  await expect(field(page, "model")).toHaveValue("Golf 1.5 eTSI");
  await context.close();
});

test("an unknown plate leaves the form as typed, and a VIN alone fills in only the make", async ({ browser }) => {
  const { context, page } = await signedIn(browser, GARAGE_A);
  await page.goto("/nl/console/passports/new");
  await field(page, "plate").fill(uniquePlate());
  await field(page, "vin").fill(uniqueVin());
  await expect(field(page, "make")).toHaveValue("Porsche");
  await expect(field(page, "model")).toHaveValue("");
  await expect(field(page, "modelYear")).toHaveValue("");
  await expect(page.getByTestId("lookup-filled")).toHaveCount(0);
  await expect(page.getByTestId("vin-make-mismatch")).toHaveCount(0);
  await context.close();
});

test("a dealer's invitation: the plate fills in a plug-in hybrid without replacing what was typed", async ({ browser }) => {
  const { context, page } = await signedIn(browser, DEALER_A);
  await page.goto("/nl/console/invitations/new");
  await field(page, "make").fill("Volvo Cars");
  await field(page, "plate").fill("R-509-JD");
  await field(page, "plate").blur();
  await expect(field(page, "model")).toHaveValue("XC60");
  await expect(field(page, "modelYear")).toHaveValue("2021");
  await expect(field(page, "fuel")).toHaveValue("PLUGIN_HYBRID");
  await expect(field(page, "make")).toHaveValue("Volvo Cars");
  await context.close();
});

test("a plate the RDW never issues is refused with a field error, on the passport and on the invitation", async ({ browser }) => {
  const garage = await signedIn(browser, GARAGE_A);
  const page = garage.page;
  await page.goto("/nl/console/passports/new");
  await field(page, "plate").fill("SD-123-B");
  await field(page, "vin").fill(uniqueVin());
  await field(page, "make").fill("Porsche");
  await field(page, "model").fill("911");
  await field(page, "modelYear").fill("2020");
  await page.getByRole("button", { name: "AutoPaspoort aanmaken" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Dit kenteken wordt nooit uitgegeven.");
  await expect(await plateError(page)).toContainText("De RDW geeft deze lettercombinatie nooit uit op een Nederlands kenteken");
  await expect(field(page, "plate")).toHaveValue("SD-123-B");
  await expect(page).toHaveURL(/\/console\/passports\/new$/);
  await garage.context.close();

  const dealer = await signedIn(browser, DEALER_A);
  await dealer.page.goto("/en/console/invitations/new");
  const d = dealer.page;
  await field(d, "vin").fill(uniqueVin());
  await field(d, "make").fill("Porsche");
  await field(d, "model").fill("Taycan");
  await field(d, "modelYear").fill("2025");
  await field(d, "plate").fill("PVV-23-R");
  await field(d, "email").fill(uniqueEmail("buyer"));
  await d.getByRole("button", { name: "Record sale and send invitation" }).click();
  await expect(d.getByTestId("form-error")).toContainText("This plate is never issued.");
  await expect(await plateError(d)).toContainText("The RDW never issues this letter combination on a Dutch plate");
  await expect(d).toHaveURL(/\/console\/invitations\/new$/);
  await dealer.context.close();
});
