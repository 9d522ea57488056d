/**
 * An owner's own drivers (issue 13, point 8; docs/decisions/0029): the owner invites a driver from
 * the car page, the driver (a new account, made from the e-mailed link) sees the dossier without
 * the owner's contracts, and loses the car when the owner removes it.
 */
import { expect, test, type Page } from "./fixtures";
import sharp from "sharp";
import { answerDialog, createActiveUser, linkIn, uniqueEmail, waitForMail } from "./support";
import { DEALER_A, acceptWithNewAccount, captureAction, expectRefused, recordSale, replayAction, signedIn, uniqueVin } from "./linking-support";

/** The car photo on the page has loaded (the access-checked route answered with an image). */
async function expectPhotoShown(page: Page) {
  const img = page.getByTestId("car-photo").first();
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

test("an owner invites a driver, who makes an account from the e-mail, sees the dossier without contracts, and loses it at removal", async ({ browser }) => {
  const vin = uniqueVin();
  const ownerEmail = uniqueEmail("owner");
  const driverEmail = uniqueEmail("driver");
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email: ownerEmail, products: ["CONNECT"] });
  await dealer.context.close();
  const owner = await acceptWithNewAccount(browser, link);
  const { page, vehicleId } = owner;

  // The car page in its sections; the owner sees the contracts and names the car.
  for (const id of ["overview", "history", "maintenance", "recalls", "contracts", "drivers"]) await expect(page.getByTestId(`section-${id}`)).toBeVisible();
  await expect(page.getByTestId("section-contracts").getByTestId("contract")).toHaveCount(1);
  await page.getByLabel("Name of the car").fill("De zomerauto");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "De zomerauto" })).toBeVisible();
  // A photo from the phone: uploaded, re-encoded, shown from the access-checked route.
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#1f4e8c" } }).jpeg().toBuffer();
  await page.getByTestId("photo-input").setInputFiles({ name: "auto.jpg", mimeType: "image/jpeg", buffer: photo });
  await expectPhotoShown(page);

  // Invite the driver from the drivers section.
  const drivers = page.getByTestId("section-drivers");
  await drivers.getByLabel("Driver's e-mail address").fill(driverEmail);
  await drivers.getByLabel("Language of the e-mail").selectOption("en");
  await drivers.getByRole("button", { name: "Send invitation" }).click();
  await expect(drivers.getByTestId("driver-invitation")).toContainText(driverEmail);

  const invitation = await waitForMail(driverEmail, (m) => m.subject.includes("invites you to drive"));
  const invitationLink = linkIn(invitation, /http:\/\/localhost:\d+\/en\/driver-invitations\/[\w-]+/);

  // The driver has no account: it is made on the invitation page, and the car is theirs to drive.
  const driverContext = await browser.newContext();
  const driver = await driverContext.newPage();
  await driver.goto(invitationLink);
  await expect(driver.getByRole("heading", { name: /invites you to drive their Porsche/ })).toBeVisible();
  await driver.getByLabel("First name").fill("Daan");
  await driver.getByLabel("Last name").fill("Rijders");
  await driver.getByLabel("Password", { exact: true }).fill("a-long-password-8");
  await driver.getByLabel("Repeat password").fill("a-long-password-8");
  await driver.getByRole("button", { name: "Create account and accept" }).click();
  await expect(driver).toHaveURL(new RegExp(`/en/garage/vehicles/${vehicleId}\\?driving=1$`));
  await expect(driver.getByRole("heading", { level: 1, name: "De zomerauto" })).toBeVisible();
  await expect(driver.getByTestId("section-history")).toBeVisible();
  await expectPhotoShown(driver);
  await expect(driver.getByText(vin).first()).toBeVisible();
  // No contracts, no removal, no invitations for a driver.
  await expect(driver.getByTestId("contract")).toHaveCount(0);
  await expect(driver.getByTestId("contracts-hidden")).toBeVisible();
  await expect(driver.getByRole("link", { name: "Remove vehicle" })).toHaveCount(0);
  await expect(driver.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  // The link is spent.
  await driver.goto(invitationLink);
  await expect(driver.getByTestId("invitation-state")).toHaveText("This invitation has already been accepted.");

  // The owner sees the driver, then removes the car.
  await page.reload();
  await expect(page.getByTestId("driver")).toContainText("Daan Rijders");
  await page.getByRole("link", { name: "Remove vehicle" }).click();
  await page.getByLabel("I understand the consequences").check();
  await page.getByRole("button", { name: "Permanently remove vehicle" }).click();
  await expect(page).toHaveURL(/\/en\/garage\?removed=1$/);

  // The driver's access ended with it: the car page is not found, the garage no longer lists it.
  expect((await driver.goto(`/en/garage/vehicles/${vehicleId}`))?.status()).toBe(404);
  expect((await driver.request.get(`/api/garage/vehicles/${vehicleId}/photo`)).status()).toBe(404);
  expect((await page.request.get(`/api/garage/vehicles/${vehicleId}/photo`)).status()).toBe(404);
  await driver.goto("/en/garage");
  await expect(driver.getByText("De zomerauto")).toHaveCount(0);
  const ended = await waitForMail(driverEmail, (m) => m.subject === "You no longer have access to the Porsche Taycan");
  expect(ended.text).toContain("removed the Porsche Taycan from their account");
  await driverContext.close();
  await owner.context.close();
});

test("another owner neither sees nor changes an owner's drivers, name or photo, and cannot use the driver's invitation", async ({ browser }) => {
  test.setTimeout(180_000);
  const vin = uniqueVin();
  const dealer = await signedIn(browser, DEALER_A);
  const link = await recordSale(dealer.page, { vin, email: uniqueEmail("owner") });
  await dealer.context.close();
  const owner = await acceptWithNewAccount(browser, link);
  const { page, vehicleId } = owner;
  const driverEmail = uniqueEmail("driver");
  const drivers = page.getByTestId("section-drivers");

  // The owner's requests, captured without reaching the server, to be replayed by another owner.
  await drivers.getByLabel("Driver's e-mail address").fill(uniqueEmail("captured"));
  // (An aborted action leaves the page in its error state: each capture is followed by a reload.)
  const invite = await captureAction(page, () => drivers.getByRole("button", { name: "Send invitation" }).click());
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  await page.getByLabel("Name of the car").fill("Captured name");
  const rename = await captureAction(page, () => page.getByRole("button", { name: "Save name" }).click());
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  await drivers.getByLabel("Driver's e-mail address").fill(driverEmail);
  await drivers.getByRole("button", { name: "Send invitation" }).click();
  await expect(drivers.getByTestId("driver-invitation")).toContainText(driverEmail);
  const withdraw = await captureAction(page, async () => {
    await drivers.getByTestId("driver-invitation").getByRole("button", { name: "Withdraw" }).click();
    await answerDialog(page, "Withdraw invitation");
  });
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  const invitationLink = linkIn(await waitForMail(driverEmail), /http:\/\/localhost:\d+\/\w+\/driver-invitations\/[\w-]+/);

  const otherEmail = await createActiveUser(browser);
  const other = await signedIn(browser, otherEmail, "a-long-password-9");
  expect((await other.page.goto(`/en/garage/vehicles/${vehicleId}`))?.status()).toBe(404);
  expect((await other.page.request.get(`/api/garage/vehicles/${vehicleId}/photo`)).status()).toBe(404);
  expectRefused(await replayAction(other.context, invite));
  expectRefused(await replayAction(other.context, rename));
  expectRefused(await replayAction(other.context, withdraw));
  // The driver's link is bound to the driver's address: another account cannot accept it.
  await other.page.goto(invitationLink.replace(/\/(nl|en)\//, "/en/"));
  await expect(other.page.getByTestId("invitation-state")).toContainText("this invitation is for another e-mail address");
  await expect(other.page.getByRole("button", { name: "Accept and add to my garage" })).toHaveCount(0);

  // Nothing changed: the invitation still waits, the name is unset, no one else drives the car.
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  await expect(drivers.getByTestId("driver-invitation")).toHaveCount(1);
  await expect(drivers.getByTestId("driver")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: "Porsche Taycan" })).toBeVisible();
  // With the owner's own cookies the withdrawal does what it says.
  expect((await replayAction(owner.context, withdraw)).body).toContain('"ok":true');
  await page.goto(`/en/garage/vehicles/${vehicleId}`);
  await expect(drivers.getByTestId("driver-invitation")).toHaveCount(0);
  await other.context.close();
  await owner.context.close();
});
