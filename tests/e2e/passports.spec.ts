/**
 * Flow 6, AutoPaspoort: a garage creates a passport for a stock car, keeps it up to date and
 * transfers it to the buyer (seed 002), with the e-mails read from the test mail catcher.
 */
import { expect, test } from "./fixtures";
import { createActiveUser, mailsTo, uniqueEmail, waitForMail } from "./support";
import {
  activateAndAccept,
  createPassport,
  field,
  fillTransfer,
  FLEET_NAME,
  GARAGE_A,
  GARAGE_A_NAME,
  GARAGE_B,
  signedIn,
  SUPPORT,
  transferLink,
  transferMail,
  uniquePlate,
  uniqueVin,
} from "./passports-support";

test("create a passport, link it to the fleet, transfer refused, unlink, transfer to a new e-mail, activate, the car in the buyer's garage", async ({ browser }) => {
  test.slow();
  const plate = uniquePlate();
  const vin = uniqueVin();
  const buyer = uniqueEmail("koper");
  const { context, page: staff } = await signedIn(browser, GARAGE_A);
  const id = await createPassport(staff, { plate, vin, fleet: true });
  await expect(staff.getByTestId("passport-state")).toHaveText("Voorraadauto");
  await expect(staff.getByTestId("fleet-state")).toHaveText(FLEET_NAME);

  // Keep it up to date: status, notes, expected delivery costs.
  await field(staff, "status").selectOption("RESERVED");
  await field(staff, "notes").fill("Nieuwe APK bij aflevering.");
  await staff.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(staff.getByTestId("form-success")).toHaveText("Opgeslagen.");
  const costs = staff.locator("section", { has: staff.getByRole("heading", { name: "Verwachte afleveringskosten" }) });
  await costs.locator('[name="description"]').fill("APK-keuring");
  await costs.locator('[name="amount"]').fill("49,95");
  await costs.getByRole("button", { name: "Kosten toevoegen" }).click();
  await expect(staff.getByTestId("cost-items")).toContainText("APK-keuring");
  await costs.locator('[name="description"]').fill("Poetsbeurt");
  await costs.locator('[name="amount"]').fill("175");
  await costs.getByRole("button", { name: "Kosten toevoegen" }).click();
  await expect(staff.getByTestId("cost-total")).toHaveText(/224,95/);

  // Linked to the fleet account: the transfer cannot be confirmed, and the form says why (the
  // server refuses it too: tests/integration/passports-transfer.test.ts).
  await staff.getByRole("button", { name: "Details" }).click();
  await field(staff, "name").fill("Bram de Koper");
  await field(staff, "email").fill(buyer);
  await field(staff, "emailConfirm").fill(buyer);
  const confirm = staff.getByRole("button", { name: "Overdracht bevestigen" });
  await expect(confirm).toBeDisabled();
  await expect(staff.getByTestId("confirm-blocked")).toContainText(`gekoppeld aan het wagenparkaccount ${FLEET_NAME}`);
  await expect(staff.getByTestId("passport-state")).toHaveText("Voorraadauto");
  expect(await mailsTo(buyer)).toHaveLength(0);

  // Unlinking says so, and the transfer can be confirmed now: no warning left behind.
  await staff.getByRole("button", { name: "Ontkoppelen van wagenparkaccount" }).click();
  await expect(staff.getByTestId("fleet-state")).toHaveText("Niet gekoppeld");
  await expect(staff.getByTestId("form-success").filter({ hasText: "wagenparkaccount" })).toHaveText("Ontkoppeld van het wagenparkaccount. Je kunt de auto nu overdragen.");
  await expect(confirm).toBeEnabled();
  await expect(field(staff, "email")).toHaveValue(buyer);
  await expect(staff.getByTestId("confirm-blocked")).toHaveCount(0);
  await expect(staff.getByTestId("form-error")).toHaveCount(0);
  // Linked again later from the profile, and unlinked once more before the transfer.
  await staff.getByLabel("Koppelen aan wagenparkaccount").selectOption({ label: FLEET_NAME });
  await staff.getByRole("button", { name: "Koppelen", exact: true }).click();
  await expect(staff.getByTestId("fleet-state")).toHaveText(FLEET_NAME);
  await expect(staff.getByText(`gekoppeld aan het wagenparkaccount ${FLEET_NAME}`).first()).toBeVisible();
  await expect(confirm).toBeDisabled();
  await staff.getByRole("button", { name: "Ontkoppelen van wagenparkaccount" }).click();
  await expect(staff.getByTestId("fleet-state")).toHaveText("Niet gekoppeld");

  // The e-mail is typed twice; a difference is caught before anything happens.
  await staff.reload();
  await fillTransfer(staff, { email: buyer, emailConfirm: `x${buyer}` });
  await expect(staff.getByText("De e-mailadressen komen niet overeen.")).toBeVisible();
  await fillTransfer(staff, { email: buyer });
  await expect(staff).toHaveURL(new RegExp(`/nl/console/passports/${id}\\?transfer=new$`));
  await expect(staff.getByTestId("notice")).toContainText("e-mail ontvangen om het te activeren");
  await expect(staff.getByTestId("passport-state")).toHaveText("Overdracht loopt");
  await expect(staff.getByTestId("contact-email")).toHaveText(buyer);
  await expect(staff.getByText("Het e-mailadres kan niet meer worden aangepast.").first()).toBeVisible();

  // The activation e-mail: set a password, and the car is the buyer's.
  const mail = await transferMail(buyer, plate);
  expect(mail.subject).toBe(`${GARAGE_A_NAME} draagt je Honda Civic 1.3 Hybrid aan je over`);
  const buyerSide = await activateAndAccept(browser, transferLink(mail));
  const owned = buyerSide.page.getByTestId("owner-passport");
  await expect(owned).toContainText("APK-keuring");
  await expect(buyerSide.page.getByTestId("owner-cost-total")).toHaveText(/224,95/);
  await expect(owned).toContainText("Nieuwe APK bij aflevering.");
  await expect(buyerSide.page.getByTestId("owner-passport-history")).toContainText(`overgedragen van ${GARAGE_A_NAME} aan jou`);
  await buyerSide.page.goto("/nl/garage");
  await expect(buyerSide.page.getByTestId("garage-vehicle")).toHaveCount(1);
  await expect(buyerSide.page.getByTestId("garage-vehicle")).toContainText(plate);
  await waitForMail(buyer, (m) => m.subject.includes("staat in je garage"));

  // The garage keeps a service relationship: it sees the car and the contact details it entered.
  await waitForMail(GARAGE_A, (m) => m.subject.includes(plate) && m.subject.includes("afgerond"));
  await staff.goto(`/nl/console/passports/${id}`);
  await expect(staff.getByTestId("passport-state")).toHaveText("Overgedragen");
  await expect(staff.getByTestId("contact-name")).toHaveText("Bram de Koper");
  // After the sale: service work only. Not back in stock, no cost changes, no rewriting the buyer's details.
  await expect(field(staff, "status").locator("option")).toHaveText(["Verkocht", "Afgeleverd"]);
  await expect(staff.getByTestId("status-after-sale")).toBeVisible();
  await expect(staff.getByRole("button", { name: "Kosten toevoegen" })).toHaveCount(0);
  await expect(staff.getByTestId("cost-items").getByRole("button")).toHaveCount(0);
  await expect(staff.getByTestId("costs-after-sale")).toBeVisible();
  await expect(staff.getByRole("button", { name: "Naam en adres wijzigen" })).toHaveCount(0);
  await expect(staff.getByTestId("contact-lock")).toContainText("beheert deze gegevens nu zelf");
  const maintenance = staff.locator("section", { has: staff.getByRole("heading", { name: "Onderhoud", exact: true }) });
  await maintenance.locator('[name="description"]').fill("Eerste servicebeurt");
  await maintenance.getByRole("button", { name: "Toevoegen", exact: true }).click();
  await expect(staff.getByTestId("maintenance-items")).toContainText("Eerste servicebeurt");
  await field(staff, "status").selectOption("DELIVERED");
  await staff.getByRole("button", { name: "Opslaan", exact: true }).click();
  await expect(staff.getByTestId("form-success")).toHaveText("Opgeslagen.");
  await expect(staff.getByTestId("passport-history")).toContainText("Overgedragen");
  await staff.goto("/nl/console/passports?view=customers");
  await expect(staff.getByTestId("passport-row").filter({ hasText: plate })).toHaveCount(1);
  await staff.goto(`/nl/console/passports?q=${encodeURIComponent(plate)}`);
  await expect(staff.getByTestId("passport-row")).toHaveCount(0);

  // The owner ends the relationship: the garage no longer sees the car.
  await buyerSide.page.goBack();
  await buyerSide.page.getByRole("button", { name: `Relatie met ${GARAGE_A_NAME} beëindigen` }).click();
  await expect(buyerSide.page.getByTestId("relationship-ended")).toBeVisible();
  const res = await staff.goto(`/nl/console/passports/${id}`);
  expect(res?.status()).toBe(404);
  await buyerSide.context.close();
  await context.close();
});

test("leaving the profile of a stock car asks whether to transfer it", async ({ browser }) => {
  const { context, page } = await signedIn(browser, GARAGE_A);
  const plate = uniquePlate();
  const id = await createPassport(page, { plate, vin: uniqueVin() });
  // Yes: the contact details open, the profile stays.
  await page.getByRole("link", { name: "Klantprofiel sluiten" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Wil je deze auto overdragen aan een klant?");
  await dialog.getByRole("button", { name: "Ja, contactgegevens wijzigen" }).click();
  await expect(page).toHaveURL(new RegExp(`/nl/console/passports/${id}`));
  await expect(page.getByText("Contactgegevens van de nieuwe eigenaar")).toBeVisible();
  await expect(field(page, "name")).toBeFocused();
  // No: the link is followed (here a navigation link of the console).
  await page.reload();
  await page.getByRole("navigation", { name: "Hoofdnavigatie" }).getByRole("link", { name: "Overzicht" }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Nee, sluiten" }).click();
  await expect(page).toHaveURL(/\/nl\/console$/);

  // The browser's Back within the app asks the same (the profile opened from the stock list).
  await page.goto(`/nl/console/passports?q=${plate}`);
  await page.getByTestId("passport-row").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/nl/console/passports/${id}$`));
  await expect(page.getByText("Dit kenteken is als voorraadauto gekoppeld")).toBeVisible();
  // The cancelled traversal never completes, so goBack times out by design.
  await page.goBack({ timeout: 2_000 }).catch(() => null);
  await expect(dialog).toContainText("Wil je deze auto overdragen aan een klant?");
  await expect(page).toHaveURL(new RegExp(`/nl/console/passports/${id}$`));
  await dialog.getByRole("button", { name: "Nee, sluiten" }).click();
  await expect(page).toHaveURL(new RegExp(`/nl/console/passports\\?q=${plate}$`));

  // Reloading, closing the tab or typing an address: the browser asks with its own text.
  await page.getByTestId("passport-row").getByRole("link").click();
  await expect(page.getByText("Dit kenteken is als voorraadauto gekoppeld")).toBeVisible();
  const asked: string[] = [];
  const accepted: Promise<void>[] = [];
  page.on("dialog", (d) => {
    asked.push(d.type());
    accepted.push(d.accept());
  });
  await page.reload();
  await Promise.all(accepted);
  expect(asked).toEqual(["beforeunload"]);
  await expect(page).toHaveURL(new RegExp(`/nl/console/passports/${id}$`));
  await context.close();
});

test("transfer to an existing user: notification in the garage and by e-mail, accept", async ({ browser }) => {
  test.slow();
  const buyer = await createActiveUser(browser, "a-long-password-5");
  const plate = uniquePlate();
  const { context, page: staff } = await signedIn(browser, GARAGE_A);
  const id = await createPassport(staff, { plate, vin: uniqueVin(), make: "Volkswagen", model: "Golf" });
  await fillTransfer(staff, { email: buyer.toUpperCase() });
  await expect(staff).toHaveURL(new RegExp(`/nl/console/passports/${id}\\?transfer=existing$`));
  await expect(staff.getByTestId("notice")).toContainText("heeft al een account");
  await expect(staff.getByTestId("contact-email")).toHaveText(buyer);

  const mail = await transferMail(buyer, plate);
  expect(mail.subject).toBe("Voeg je Volkswagen Golf toe aan je garage");
  const b = await signedIn(browser, buyer, "a-long-password-5");
  await b.page.goto("/nl/garage");
  const offer = b.page.getByTestId("transfer-offer");
  await expect(offer).toContainText(`${GARAGE_A_NAME} wil het AutoPaspoort van je Volkswagen Golf aan je account overdragen.`);
  await expect(offer).toContainText(plate);
  await offer.getByRole("button", { name: "Toevoegen aan mijn garage" }).click();
  await expect(b.page).toHaveURL(/\/nl\/garage\/vehicles\/[\w-]+\?linked=1$/);
  await expect(b.page.getByTestId("owner-passport")).toBeVisible();
  await b.page.goto("/nl/garage");
  await expect(b.page.getByTestId("transfer-offer")).toHaveCount(0);
  await expect(b.page.getByTestId("garage-vehicle").filter({ hasText: plate })).toHaveCount(1);
  // The link in the e-mail is spent now.
  await b.page.goto(transferLink(mail));
  await expect(b.page.getByTestId("transfer-state")).toContainText("overgedragen");
  await b.context.close();
  await context.close();
});

test("the buyer declines: the car is back in the garage's stock", async ({ browser }) => {
  test.slow();
  const buyer = await createActiveUser(browser, "a-long-password-6");
  const plate = uniquePlate();
  const { context, page: staff } = await signedIn(browser, GARAGE_A);
  const id = await createPassport(staff, { plate, vin: uniqueVin() });
  await fillTransfer(staff, { email: buyer });
  await expect(staff.getByTestId("passport-state")).toHaveText("Overdracht loopt");

  const b = await signedIn(browser, buyer, "a-long-password-6");
  await b.page.goto("/nl/garage");
  await b.page.getByTestId("transfer-offer").getByRole("button", { name: "Weigeren" }).click();
  await expect(b.page.getByTestId("transfer-offer")).toHaveCount(0);
  await expect(b.page.getByTestId("garage-vehicle").filter({ hasText: plate })).toHaveCount(0);

  await waitForMail(GARAGE_A, (m) => m.subject.includes(plate) && m.subject.includes("geweigerd"));
  await staff.goto(`/nl/console/passports/${id}`);
  await expect(staff.getByTestId("passport-state")).toHaveText("Voorraadauto");
  await expect(staff.getByTestId("passport-history")).toContainText("Geweigerd door de koper");
  await staff.goto(`/nl/console/passports?q=${plate.replaceAll("-", "")}`);
  await expect(staff.getByTestId("passport-row")).toHaveCount(1);
  await b.context.close();
  await context.close();
});

test("support corrects a wrong e-mail: the old link is dead, the new mail arrives; the garage can withdraw", async ({ browser }) => {
  test.slow();
  const plate = uniquePlate();
  const wrong = uniqueEmail("typo");
  const right = uniqueEmail("juist");
  const { context, page: staff } = await signedIn(browser, GARAGE_A);
  const id = await createPassport(staff, { plate, vin: uniqueVin() });
  await fillTransfer(staff, { email: wrong });
  await expect(staff.getByTestId("contact-email")).toHaveText(wrong);
  // The garage can no longer change the address: the field is locked.
  await staff.getByRole("button", { name: "Naam en adres wijzigen" }).click();
  await expect(staff.getByLabel("E-mailadres", { exact: true })).toBeDisabled();
  const oldLink = transferLink(await transferMail(wrong, plate));

  const support = await signedIn(browser, SUPPORT);
  await support.page.goto(`/nl/console/transfers?q=${plate}`);
  const row = support.page.getByTestId("transfer-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("transfer-email")).toHaveText(wrong);
  await row.getByText("E-mailadres corrigeren").click();
  await field(support.page, "email").fill(right);
  await field(support.page, "emailConfirm").fill(right);
  await row.getByRole("button", { name: "Corrigeren en opnieuw versturen" }).click();
  await expect(support.page.getByTestId("notice")).toContainText("gecorrigeerd");
  await support.page.goto(`/nl/console/transfers?q=${plate}`);
  await expect(support.page.getByTestId("transfer-email")).toHaveText(right);

  const anon = await browser.newContext();
  const p = await anon.newPage();
  await p.goto(oldLink);
  await expect(p.getByTestId("transfer-state")).toHaveText("Deze link is niet (meer) geldig.");
  await expect(p.getByRole("button", { name: "Account activeren en auto toevoegen" })).toHaveCount(0);

  const newLink = transferLink(await transferMail(right, plate));
  await staff.goto(`/nl/console/passports/${id}`);
  await expect(staff.getByTestId("contact-email")).toHaveText(right);
  // The garage withdraws the transfer: the new link stops working too.
  await staff.getByRole("button", { name: "Overdracht intrekken" }).click();
  await expect(staff.getByTestId("passport-state")).toHaveText("Voorraadauto");
  await p.goto(newLink);
  await expect(p.getByTestId("transfer-state")).toHaveText("De garage heeft deze overdracht ingetrokken.");
  await anon.close();
  await support.context.close();
  await context.close();
});

test("support's correction reaches a buyer who then activates and gets the car", async ({ browser }) => {
  test.slow();
  const plate = uniquePlate();
  const right = uniqueEmail("juist");
  const { context, page: staff } = await signedIn(browser, GARAGE_A);
  await createPassport(staff, { plate, vin: uniqueVin() });
  await fillTransfer(staff, { email: uniqueEmail("typo") });
  await expect(staff.getByTestId("passport-state")).toHaveText("Overdracht loopt");
  const support = await signedIn(browser, SUPPORT);
  await support.page.goto(`/nl/console/transfers?q=${plate}`);
  await support.page.getByText("E-mailadres corrigeren").click();
  await field(support.page, "email").fill(right);
  await field(support.page, "emailConfirm").fill(right);
  await support.page.getByRole("button", { name: "Corrigeren en opnieuw versturen" }).click();
  await expect(support.page.getByTestId("notice")).toBeVisible();
  const buyer = await activateAndAccept(browser, transferLink(await transferMail(right, plate)));
  await buyer.page.goto("/nl/garage");
  await expect(buyer.page.getByTestId("garage-vehicle")).toContainText(plate);
  await buyer.context.close();
  await support.context.close();
  await context.close();
});

test("a traded-in car goes back into another garage's stock with its passport; the first buyer's details stay with garage A", async ({ browser }) => {
  test.slow();
  const plate = uniquePlate();
  const vin = uniqueVin();
  const buyer = uniqueEmail("inruil");
  const a = await signedIn(browser, GARAGE_A);
  const id = await createPassport(a.page, { plate, vin });
  await fillTransfer(a.page, { email: buyer, name: "Anna Eerste" });
  await expect(a.page.getByTestId("passport-state")).toHaveText("Overdracht loopt");
  const buyerSide = await activateAndAccept(browser, transferLink(await transferMail(buyer, plate)));
  const vehicleId = new URL(buyerSide.page.url()).pathname.split("/").pop()!;

  // The owner trades the car in: it leaves their garage, and with it garage A's service relationship.
  await buyerSide.page.goto(`/nl/garage/vehicles/${vehicleId}/remove`);
  await buyerSide.page.getByLabel("Ik begrijp de gevolgen").check();
  await buyerSide.page.getByRole("button", { name: "Voertuig definitief verwijderen" }).click();
  await expect(buyerSide.page).toHaveURL(/\/nl\/garage\?removed=1$/);

  // Garage B creates "a passport" for the car: it gets the existing one, in its stock.
  const b = await signedIn(browser, GARAGE_B);
  await b.page.goto("/nl/console/passports/new");
  await field(b.page, "plate").fill(plate);
  await field(b.page, "vin").fill(vin);
  await field(b.page, "make").fill("Honda");
  await field(b.page, "model").fill("Civic 1.3 Hybrid");
  await field(b.page, "modelYear").fill("2019");
  await b.page.getByRole("button", { name: "AutoPaspoort aanmaken" }).click();
  await expect(b.page).toHaveURL(new RegExp(`/nl/console/passports/${id}\\?restocked=1$`));
  await expect(b.page.getByTestId("notice")).toContainText("terug in de voorraad genomen");
  await expect(b.page.getByTestId("passport-state")).toHaveText("Voorraadauto");
  const history = b.page.getByTestId("passport-history");
  await expect(history).toContainText(`${GARAGE_A_NAME} → een particuliere eigenaar`);
  await expect(history).toContainText(`AutoPaspoort aangemaakt door ${GARAGE_A_NAME}`);
  await expect(b.page.getByText("Anna Eerste")).toHaveCount(0);
  await expect(b.page.getByText(buyer)).toHaveCount(0);

  // Garage A no longer sees the car.
  expect((await a.page.goto(`/nl/console/passports/${id}`))?.status()).toBe(404);
  await Promise.all([a.context.close(), b.context.close(), buyerSide.context.close()]);
});
