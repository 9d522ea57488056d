/**
 * The owner's rights end to end (issue 14, docs/decisions/0031): changing the e-mail address through
 * the confirmation link, exporting everything, deleting the account, and a double opt-in withdrawn
 * through the e-mail's own link.
 */
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "./fixtures";
import { createActiveUser, linkIn, signIn, uniqueEmail, waitForMail } from "./support";
import { DEALER_A, acceptWithNewAccount, linkAtDesk, recordSale, signedIn, uniqueVin } from "./linking-support";

const field = (page: Page, name: string) => page.locator(`form [name="${name}"]`);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test("changing the e-mail address: only through the link to the new address; then the new address signs in", async ({ browser }) => {
  const password = "a-long-password-9";
  const email = await createActiveUser(browser, password);
  const next = uniqueEmail("changed");
  const owner = await browser.newContext();
  const page = await owner.newPage();
  await signIn(page, email, password);
  await page.goto("/nl/account");
  await page.getByLabel("Nieuw e-mailadres").fill(next);
  await page.getByLabel("Je wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Bevestigingslink sturen" }).click();
  await expect(page.getByTestId("email-change-sent")).toContainText(next);
  // The old address hears of it, with a way to say it was not them.
  const notice = await waitForMail(email, (m) => /email-change\/report\//.test(m.text));
  expect(notice.text).toMatch(/Dit was ik niet/);
  // Nothing changed yet: the old address still signs in.
  await page.reload();
  await expect(page.locator("main").getByText(email).first()).toBeVisible();

  const link = linkIn(await waitForMail(next, (m) => /email-change\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/email-change\/[\w-]+/);
  const other = await browser.newContext();
  const linkPage = await other.newPage();
  await linkPage.goto(link);
  await expect(linkPage.getByText(next)).toBeVisible();
  await linkPage.getByRole("button", { name: "Mijn e-mailadres wijzigen" }).click();
  await expect(linkPage).toHaveURL(/\/nl\/sign-in\?emailChanged=1/);
  // Used once only.
  await linkPage.goto(link);
  await expect(linkPage.getByTestId("link-state")).toHaveText("Deze link is al gebruikt.");

  // Every session ended: the old browser is signed out.
  await page.goto("/nl/account");
  await expect(page).toHaveURL(/\/nl\/sign-in/);
  await signIn(linkPage, next, password);
  await linkPage.goto("/nl/account");
  await expect(linkPage.locator("main").getByText(next).first()).toBeVisible();
  await owner.close();
  await other.close();
});

test("export: one button gives a JSON file with a known value from every section, plus the service history as CSV", async ({ browser }) => {
  const vin = uniqueVin();
  const password = "a-long-password-9";
  const email = await createActiveUser(browser, password);
  const dealer = await signedIn(browser, DEALER_A);
  // A car linked at the desk (verified facts), and a sold car with contracts, accepted by the account.
  const deskVin = uniqueVin();
  await linkAtDesk(dealer.page, { ownerEmail: email, ownerName: "Test Gebruiker", vin: deskVin });
  const link = await recordSale(dealer.page, { vin, email });
  await dealer.context.close();
  const owner = { context: await browser.newContext(), page: undefined as unknown as Page, vehicleId: "" };
  owner.page = await owner.context.newPage();
  await signIn(owner.page, email, password, "en");
  await owner.page.goto(link);
  await owner.page.getByRole("button", { name: "Add this car to my garage" }).click();
  await expect(owner.page).toHaveURL(/\/en\/garage\/vehicles\/\w+\?linked=1$/);
  owner.vehicleId = new URL(owner.page.url()).pathname.split("/").pop()!;
  // An entry of the owner's own in the service history.
  await owner.page.goto(`/en/garage/vehicles/${owner.vehicleId}/history/new`);
  await field(owner.page, "kind").selectOption("TYRES");
  await field(owner.page, "performedOn").fill(daysAgo(2));
  await field(owner.page, "mileageKm").fill("15100");
  await field(owner.page, "description").fill("Winter tyres fitted");
  await field(owner.page, "workshopName").fill("Bandenland");
  await owner.page.getByRole("button", { name: "Save entry" }).click();
  await expect(owner.page.getByTestId("form-success")).toBeVisible();
  // A consent, confirmed: its proof, an inbox message and audit entries.
  await owner.page.goto("/en/account");
  await owner.page.getByTestId("consent-NEWSLETTER").getByRole("button", { name: "Switch on" }).click();
  // The account's language is Dutch (it signed up in Dutch): the link opens in Dutch.
  const optIn = linkIn(await waitForMail(email, (m) => /consents\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/consents\/[\w-]+/);
  await owner.page.goto(optIn);
  await owner.page.getByRole("button", { name: "Ja, zet het aan" }).click();
  await expect(owner.page.getByTestId("link-done")).toBeVisible();

  await owner.page.goto("/en/account");
  const [download] = await Promise.all([owner.page.waitForEvent("download"), owner.page.getByTestId("export-json").click()]);
  expect(download.suggestedFilename()).toMatch(/^autodossier-export-\d{4}-\d{2}-\d{2}\.json$/);
  const doc = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(doc.account).toMatchObject({ email, firstName: "Test", lastName: "Gebruiker" });
  expect(doc.account.passwordHash).toBeUndefined();
  expect(doc.consents).toEqual([expect.objectContaining({ purpose: "NEWSLETTER", status: "CONFIRMED", confirmationMethod: "email_link", textVersion: expect.any(String) })]);
  expect(doc.consents[0].confirmationIp).toBeTruthy();
  expect(doc.holdings.map((h: { vehicle: { vin: string } }) => h.vehicle.vin).sort()).toEqual([vin, deskVin].sort());
  expect(doc.contracts.map((c: { product: string }) => c.product).sort()).toEqual(["CHARGING", "CONNECT"]);
  expect(doc.verifiedFacts).toEqual([expect.objectContaining({ vin: deskVin, placeOfBirth: "Utrecht" })]);
  expect(doc.serviceEntries.map((e: { description: string }) => e.description)).toContain("Winter tyres fitted");
  expect(doc.messages.map((m: { kind: string }) => m.kind)).toContain("consent_confirmed");
  expect(doc.audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(["invitation.accepted", "consent.confirmed"]));

  const [csv] = await Promise.all([owner.page.waitForEvent("download"), owner.page.getByTestId("export-csv").click()]);
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text.split("\r\n")[0]).toBe("\uFEFFvin,car,date,kind,reportedBy,workshop,mileageKm,description,work,costEur,corrects,correctionReason,recordedAt");
  expect(text).toContain(`${vin},Porsche Taycan,${daysAgo(2)},TYRES,owner,Bandenland,15100,Winter tyres fitted`);
  // Signed out, there is nothing to download.
  const anon = await browser.newContext();
  expect((await anon.request.get("/api/account/export")).status()).toBe(401);
  await anon.close();
  await owner.context.close();
});

test("deleting the account: cars leave the garage, sessions are refused, and the old address can sign up afresh", async ({ browser }) => {
  const vin = uniqueVin();
  const email = uniqueEmail("erase");
  const dealer = await signedIn(browser, DEALER_A);
  const owner = await acceptWithNewAccount(browser, await recordSale(dealer.page, { vin, email }));
  // A second device of the same account.
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await signIn(secondPage, email, "a-long-password-7", "en");

  await owner.page.goto("/en/account/delete");
  await expect(owner.page.getByText("1 car")).toBeVisible();
  await owner.page.getByLabel("Your password").fill("not-my-password");
  await owner.page.getByLabel("I understand that this cannot be undone").check();
  await owner.page.getByRole("button", { name: "Delete my account" }).click();
  await expect(owner.page.getByTestId("form-error")).toBeVisible();
  await owner.page.getByLabel("Your password").fill("a-long-password-7");
  await owner.page.getByLabel("I understand that this cannot be undone").check();
  await owner.page.getByRole("button", { name: "Delete my account" }).click();
  await expect(owner.page).toHaveURL(/\/en\/privacy\?deleted=1/);
  await expect(owner.page.getByTestId("account-deleted")).toBeVisible();
  await waitForMail(email, (m) => /has been deleted/.test(m.subject));
  await waitForMail(email, (m) => /removed/i.test(m.subject));

  // The car left the garage: the dealer's list no longer shows it with the owner's address.
  await dealer.page.goto(`/en/console/vehicles?q=${vin}`);
  await expect(dealer.page.getByText(email)).toHaveCount(0);
  // Every session is refused, and the old password no longer signs in.
  await secondPage.goto("/en/garage");
  await expect(secondPage).toHaveURL(/\/en\/sign-in/);
  await secondPage.getByLabel("E-mail address").fill(email);
  await secondPage.getByLabel("Password", { exact: true }).fill("a-long-password-7");
  await secondPage.getByRole("button", { name: "Sign in" }).click();
  await expect(secondPage.getByTestId("form-error")).toBeVisible();

  // The old address signs up afresh: a new, empty garage.
  const fresh = await browser.newContext();
  const page = await fresh.newPage();
  await page.goto("/nl/sign-up");
  await page.getByLabel("Voornaam").fill("Nieuw");
  await page.getByLabel("Achternaam").fill("Begin");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("another-long-password-1");
  await page.getByLabel("Herhaal wachtwoord").fill("another-long-password-1");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await expect(page.getByTestId("signup-done")).toBeVisible();
  await page.goto(linkIn(await waitForMail(email, (m) => /activate\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/activate\/[\w-]+/));
  await page.getByLabel("Het wachtwoord dat je bij het aanmelden koos").fill("another-long-password-1");
  await page.getByRole("button", { name: "Account activeren" }).click();
  await expect(page).toHaveURL(/activated=1/);
  await signIn(page, email, "another-long-password-1");
  await page.goto("/nl/garage");
  await expect(page.getByTestId("garage-vehicle")).toHaveCount(0);
  await fresh.close();
  await second.close();
  await owner.context.close();
  await dealer.context.close();
});

test("a newsletter opt-in: off by default, on only after the e-mailed link, off again through the e-mail's own link without signing in", async ({ browser }) => {
  const password = "a-long-password-9";
  const email = await createActiveUser(browser, password);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.goto("/nl/account");
  const row = page.getByTestId("consent-NEWSLETTER");
  await expect(row.getByTestId("consent-state")).toHaveText("Uit");
  await row.getByRole("button", { name: "Aanzetten" }).click();
  await expect(page.getByTestId("toast-success")).toBeVisible();
  await page.reload();
  await expect(row.getByTestId("consent-state")).toHaveText("Wacht op je bevestiging per e-mail");

  const optIn = linkIn(await waitForMail(email, (m) => /consents\//.test(m.text)), /http:\/\/localhost:\d+\/nl\/consents\/[\w-]+/);
  const anon = await browser.newContext();
  const linkPage = await anon.newPage();
  await linkPage.goto(optIn);
  await linkPage.getByRole("button", { name: "Ja, zet het aan" }).click();
  await expect(linkPage.getByTestId("link-done")).toBeVisible();
  await page.reload();
  await expect(row.getByTestId("consent-state")).toHaveText(/^Aan sinds /);

  // The welcome e-mail is a marketing e-mail: it ends with its unsubscribe link.
  const welcome = await waitForMail(email, (m) => /unsubscribe\//.test(m.text));
  const unsubscribe = linkIn(welcome, /http:\/\/localhost:\d+\/nl\/unsubscribe\/[\w-]+/);
  expect(welcome.text).toContain(`Afmelden: ${unsubscribe}`);
  await linkPage.goto(unsubscribe);
  await linkPage.getByRole("button", { name: "Afmelden" }).click();
  await expect(linkPage.getByTestId("link-done")).toContainText("Je bent afgemeld");
  await page.reload();
  await expect(row.getByTestId("consent-state")).toHaveText("Uit");
  // The same link again: already off, nothing to do.
  await linkPage.goto(unsubscribe);
  await expect(linkPage.getByTestId("link-state")).toHaveText("Dit staat al uit.");
  await anon.close();
  await context.close();
});
