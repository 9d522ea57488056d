/** The linking journeys of PRODUCT.md: flow 1 (invitation), flow 2 (desk verification), flow 4 (removal). */
import { expect, test } from "./fixtures";
import { createActiveUser, linkIn, signIn, uniqueEmail, waitForMail } from "./support";
import { DEALER_A, DEALER_A_NAME, acceptWithNewAccount, linkAtDesk, recordSale, signedIn, uniqueVin, waitForCarMail } from "./linking-support";

test("a dealer records a sale with contracts; the buyer creates an account from the invitation and finds the car with its contracts in the garage", async ({ browser }) => {
  const vin = uniqueVin();
  const buyer = uniqueEmail("buyer");
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email: buyer, products: ["CONNECT", "CHARGING"] });

  // The invitation page shows the car and what starts on accepting, before any account exists.
  const anon = await browser.newContext();
  const preview = await anon.newPage();
  await preview.goto(link);
  await expect(preview.getByText(`VIN ending in ${vin.slice(-6)}`)).toBeVisible();
  await expect(preview.getByText("Connected services")).toBeVisible();
  await expect(preview.getByText("Charging service")).toBeVisible();
  await anon.close();

  const { page, vehicleId } = await acceptWithNewAccount(browser, link);
  await expect(page.getByTestId("notice")).toBeVisible();
  await expect(page.getByText(vin)).toBeVisible();
  const contracts = page.getByTestId("contract");
  await expect(contracts).toHaveCount(2);
  await expect(contracts.filter({ hasText: "Connected services" })).toContainText("Active");
  await expect(contracts.filter({ hasText: "Charging service" })).toContainText("Active");
  await expect(page.getByText(`linked by ${DEALER_A_NAME}`)).toBeVisible();

  await page.goto("/en/garage");
  const card = page.getByTestId("garage-vehicle").filter({ hasText: vin });
  await expect(card).toBeVisible();
  await expect(card).toContainText("2 active contracts");
  // Not "until <the first end>" for both: the card says which one ends first (12 months before 36).
  await expect(card.getByTestId("contracts-summary")).toContainText("Charging service ends first, on");
  await waitForCarMail(buyer, vehicleId);

  // The car's trail: the buyer accepted ("You"), the dealer invited.
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  await expect(page.getByTestId("trail-actor")).toContainText(`You · invited by ${DEALER_A_NAME} (dealer, administrator)`);

  // The link is single-use; the dealer's list shows it accepted.
  await page.goto(link);
  await expect(page.getByTestId("invitation-state")).toHaveText("This invitation has already been accepted.");
  await dealer.page.goto("/en/console/invitations");
  await expect(dealer.page.getByTestId("invitation-row").filter({ hasText: vin })).toContainText("Accepted");
  await dealer.context.close();
});

test("an invitation to an existing account: the buyer signs in from the invitation and accepts; another account cannot", async ({ browser }) => {
  test.slow(); // a sign-up by e-mail, then three accounts in turn
  const password = "a-long-password-9";
  const buyer = await createActiveUser(browser, password);
  const vin = uniqueVin();
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email: buyer, products: ["CONNECT"] });
  await dealer.context.close();

  // Someone else signed in sees that the invitation is not theirs, and no accept button.
  const other = await signedIn(browser, "owner@demo.autodossier.test");
  await other.page.goto(link);
  await expect(other.page.getByTestId("invitation-state")).toContainText("this invitation is for another e-mail address");
  await expect(other.page.getByRole("button", { name: "Add this car to my garage" })).toHaveCount(0);
  await other.context.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
  await page.getByLabel("E-mail address").fill(buyer);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/invitations\/[\w-]+$/);
  await page.getByRole("button", { name: "Add this car to my garage" }).click();
  await expect(page).toHaveURL(/\/en\/garage\/vehicles\/\w+\?linked=1$/);
  await expect(page.getByText(vin)).toBeVisible();
  await expect(page.getByTestId("contract")).toHaveCount(1);
  await expect(page.getByTestId("contract")).toContainText("Active");
  await page.goto("/en/garage");
  await expect(page.getByTestId("garage-vehicle").filter({ hasText: vin })).toContainText("1 active contract");
  await context.close();
});

test("desk verification: the dealer looks the owner up, records the checked facts and links; the owner gets an e-mail and finds the car", async ({ browser }) => {
  test.slow(); // a sign-up by e-mail, then three accounts in turn
  const password = "a-long-password-8";
  const owner = await createActiveUser(browser, password);
  const vin = uniqueVin();
  const dealer = await signedIn(browser, DEALER_A);

  // An unknown address is not found, and says nothing more.
  await dealer.page.goto("/en/console/vehicles/verify");
  await dealer.page.getByLabel("Owner's e-mail address (their account)").fill(uniqueEmail("nobody"));
  await dealer.page.getByRole("button", { name: "Look up account" }).click();
  await expect(dealer.page.getByTestId("form-error")).toBeVisible();

  const vehicleId = await linkAtDesk(dealer.page, { ownerEmail: owner, ownerName: "Test Gebruiker", vin });
  await dealer.context.close();

  // The owner signed up in Dutch, so the e-mail is Dutch: follow its link rather than read its words.
  const mail = await waitForCarMail(owner, vehicleId);
  const carLink = linkIn(mail, /http:\/\/localhost:\d+\/nl\/garage\/vehicles\/\w+/);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, owner, password, "en");
  await page.goto("/en/garage");
  await expect(page.getByTestId("garage-vehicle").filter({ hasText: vin })).toBeVisible();
  await page.goto(carLink);
  await expect(page.getByText(vin)).toBeVisible();
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  await expect(page.getByText(`linked by ${DEALER_A_NAME}`)).toBeVisible();
  await expect(page.getByTestId("audit-trail").getByRole("listitem")).toHaveCount(1);
  await context.close();
});

test("desk verification of a known car: the form shows the recorded car and asks no car details, refuses a certificate in another name, and the e-mails name the recorded car", async ({ browser }) => {
  test.slow(); // two sign-ups by e-mail and two desk verifications
  const first = await createActiveUser(browser);
  const next = await createActiveUser(browser);
  const vin = uniqueVin();
  const dealer = await signedIn(browser, DEALER_A);
  const vehicleId = await linkAtDesk(dealer.page, { ownerEmail: first, ownerName: "Test Gebruiker", vin }); // a Porsche Macan 2022

  const page = dealer.page;
  await page.goto("/en/console/vehicles/verify");
  await page.getByLabel("Owner's e-mail address (their account)").fill(next);
  await page.getByRole("button", { name: "Look up account" }).click();
  await expect(page.getByTestId("owner-found")).toContainText("Test Gebruiker");
  for (const [name, value] of [
    ["fullName", "Test Gebruiker"],
    ["dateOfBirth", "1990-07-14"],
    ["placeOfBirth", "Leiden"],
    ["address", "Breestraat 1, 2311 CH Leiden"],
    ["documentValidUntil", `${new Date().getFullYear() + 3}-03-31`],
    ["vin", vin.toLowerCase()],
    ["registeredOwnerName", "Someone Else"],
    ["registeredOwnerAddress", "Breestraat 1, 2311 CH Leiden"],
  ]) {
    await page.locator(`[name="${name}"]`).fill(value);
  }
  // The VIN is known: the recorded car is shown and its details are not asked.
  await expect(page.getByTestId("known-vehicle")).toContainText("This car is known: Porsche Macan, 2022, Petrol.");
  await expect(page.locator('[name="make"], [name="model"], [name="modelYear"], [name="fuel"]')).toHaveCount(0);
  await page.locator('[name="confirmOwnershipChange"]').check();
  await page.getByRole("button", { name: "Verify and link car" }).click();
  await expect(page.getByText("This is not the name on the ID document. A car is linked to an owner only on a registration certificate in their name.")).toBeVisible();
  await expect(page).toHaveURL(/\/en\/console\/vehicles\/verify$/);

  await page.locator('[name="registeredOwnerName"]').fill("GEBRUIKER, test");
  await page.locator('[name="confirmOwnershipChange"]').check();
  await page.getByRole("button", { name: "Verify and link car" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/console/vehicles\\?linked=${vehicleId}$`));
  await dealer.context.close();

  // Both owners' e-mails (in Dutch, their language) name the recorded car.
  const linked = await waitForCarMail(next, vehicleId);
  expect(linked.subject).toContain("Porsche Macan");
  const ended = await waitForMail(first, (m) => m.text.includes(vin) && m.subject.includes("verwijderd"));
  expect(ended.subject).toBe("Je Porsche Macan is uit je account verwijderd");
});

test("an expired ID document is refused at the desk and nothing is linked", async ({ browser }) => {
  const owner = await createActiveUser(browser);
  const vin = uniqueVin();
  const dealer = await signedIn(browser, DEALER_A);
  const page = dealer.page;
  await page.goto("/en/console/vehicles/verify");
  await page.getByLabel("Owner's e-mail address (their account)").fill(owner);
  await page.getByRole("button", { name: "Look up account" }).click();
  await expect(page.getByTestId("owner-found")).toBeVisible();
  for (const [name, value] of [
    ["fullName", "Test Gebruiker"],
    ["dateOfBirth", "1970-01-01"],
    ["placeOfBirth", "Gouda"],
    ["address", "Markt 1, Gouda"],
    ["documentValidUntil", "2020-01-31"],
    ["vin", vin],
    ["make", "Porsche"],
    ["model", "Panamera"],
    ["modelYear", "2019"],
    ["registeredOwnerName", "Test Gebruiker"],
    ["registeredOwnerAddress", "Markt 1, Gouda"],
  ]) {
    await page.locator(`[name="${name}"]`).fill(value);
  }
  await page.getByRole("button", { name: "Verify and link car" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("The ID document has expired: the car cannot be linked on it.");
  await expect(page).toHaveURL(/\/en\/console\/vehicles\/verify$/);
  await page.goto(`/en/console/vehicles?q=${vin}`);
  await expect(page.getByTestId("dealer-vehicle")).toHaveCount(0);
  await dealer.context.close();
});

test("removing a car: the page lists the contracts, the button waits for the checkbox, then the car is gone, its page is 404 and an e-mail confirms", async ({ browser }) => {
  const vin = uniqueVin();
  const buyer = uniqueEmail("seller");
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email: buyer, products: ["CONNECT", "ROADSIDE"] });
  await dealer.context.close();
  const { context, page, vehicleId } = await acceptWithNewAccount(browser, link);

  await page.getByRole("link", { name: "Remove vehicle" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/garage/vehicles/${vehicleId}/remove$`));
  const listed = page.getByTestId("removal-contracts").getByRole("listitem");
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: "Connected services" })).toContainText("automatic renewal stops");
  await expect(listed.filter({ hasText: "Roadside assistance" })).toBeVisible();

  const remove = page.getByRole("button", { name: "Permanently remove vehicle" });
  await expect(remove).toBeDisabled();
  await page.getByLabel("I understand the consequences").check();
  await expect(remove).toBeEnabled();
  await page.getByLabel("I understand the consequences").uncheck();
  await expect(remove).toBeDisabled();
  await page.getByLabel("I understand the consequences").check();
  await remove.click();

  await expect(page).toHaveURL(/\/en\/garage\?removed=1$/);
  await expect(page.getByTestId("notice")).toBeVisible();
  await expect(page.getByText(vin)).toHaveCount(0);
  expect((await page.goto(`/en/garage/vehicles/${vehicleId}`))?.status()).toBe(404);
  expect((await page.goto(`/en/garage/vehicles/${vehicleId}/remove`))?.status()).toBe(404);

  const mail = await waitForMail(buyer, (m) => m.subject === "Your Porsche Taycan has been removed");
  expect(mail.text).toContain(vin);
  expect(mail.text).toContain("2 contracts and subscriptions have been cancelled and will not renew.");
  await context.close();
});
