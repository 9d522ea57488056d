/**
 * Irreversible actions ask first and say what happened after (docs/decisions/0022-confirmations.md).
 * For each of the five confirmations: the dialog names the consequence; Cancel (or Escape) changes
 * nothing; confirming shows the success message and the changed state. Also the only
 * administrator's disabled buttons with their reason, and the removal page's Cancel.
 */
import { expect, test, type Page } from "./fixtures";
import { answerDialog, createActiveUser, linkIn, mailsTo, signIn, uniqueEmail, waitForMail } from "./support";
import { DEALER_A, DEALER_A_NAME, linkAtDesk, recordSale, signedIn, uniqueVin } from "./linking-support";
import { filesOnDisk, login, makeVin, newOwner, PASSWORD, submitRequestWithKeys } from "./verification-support";

const dialog = (page: Page) => page.getByRole("alertdialog");
const toast = (page: Page) => page.getByTestId("toast-success");

test("rejecting a verification request: Cancel and Escape keep the request and its documents; confirming rejects and deletes them", async ({ browser }) => {
  test.slow(); // a sign-up by e-mail, three uploads and a review
  const email = await newOwner(browser, "nl");
  const owner = await (await browser.newContext()).newPage();
  await login(owner, email, PASSWORD);
  const { requestId, keys } = await submitRequestWithKeys(owner, { locale: "nl", vin: makeVin() });

  // A Dutch-speaking owner's request goes to support (the e2e server's SUPPORT_LOCALES=nl).
  const support = await (await browser.newContext()).newPage();
  await login(support, "support@demo.autodossier.test");
  await support.goto(`/nl/console/verifications/${requestId}`);
  await support.getByRole("button", { name: "Aanvraag in behandeling nemen" }).click();
  await expect(support.getByTestId("documents")).toBeVisible();
  await support.getByLabel("Reden").selectOption("ID_EXPIRED");

  const reject = support.getByRole("button", { name: "Aanvraag afwijzen" });
  await reject.click();
  await expect(dialog(support)).toContainText("Deze aanvraag afwijzen?");
  await expect(dialog(support)).toContainText("De kopieën van de documenten worden meteen verwijderd");
  // The safe choice has the focus.
  await expect(dialog(support).getByRole("button", { name: "Annuleren" })).toBeFocused();
  await answerDialog(support, "Annuleren");
  await expect(reject).toBeFocused();
  await expect(support.getByTestId("request-status")).toHaveText("In behandeling");
  await expect(support.getByTestId("documents")).toBeVisible();
  expect(filesOnDisk(keys)).toEqual(keys);

  // Escape cancels too.
  await reject.click();
  await expect(dialog(support)).toBeVisible();
  await support.keyboard.press("Escape");
  await expect(dialog(support)).toHaveCount(0);
  await expect(support.getByTestId("request-status")).toHaveText("In behandeling");
  expect(await mailsTo(email).then((ms) => ms.filter((m) => m.subject.includes("niet goedgekeurd")))).toEqual([]);

  await reject.click();
  await answerDialog(support, "Afwijzen en documenten verwijderen");
  await expect(support.getByTestId("notice")).toHaveText("Afgewezen: de eigenaar heeft een e-mail gekregen en de kopieën van de documenten zijn verwijderd.");
  await expect(support.getByTestId("request-status")).toHaveText("Afgewezen");
  await expect(support.getByTestId("documents")).toHaveCount(0);
  await expect.poll(() => filesOnDisk(keys)).toEqual([]);
  await waitForMail(email, (m) => m.subject.includes("niet goedgekeurd"));
});

test("revoking an invitation: Cancel keeps its link working; confirming revokes it, says so, and the link stops working", async ({ browser }) => {
  const vin = uniqueVin();
  const buyer = uniqueEmail("buyer");
  const dealer = await signedIn(browser, DEALER_A);
  // The dialog and the toast run under the portal's CSP (sonner inserts its styles inline).
  const violations: string[] = [];
  dealer.page.on("console", (m) => {
    if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text());
  });
  const link = await recordSale(dealer.page, { vin, email: buyer });
  const row = dealer.page.getByTestId("invitation-row").filter({ hasText: vin });

  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(dialog(dealer.page)).toContainText("Revoke this invitation?");
  await expect(dialog(dealer.page)).toContainText(`The link in the e-mail to ${buyer} stops working at once`);
  await answerDialog(dealer.page, "Cancel");
  await expect(row).toContainText("Sent");
  await expect(toast(dealer.page)).toHaveCount(0);
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: `${DEALER_A_NAME} invites you to add your car` })).toBeVisible();
  await expect(visitor.getByTestId("invitation-state")).toHaveCount(0);

  await row.getByRole("button", { name: "Revoke" }).click();
  await answerDialog(dealer.page, "Revoke invitation");
  await expect(toast(dealer.page)).toHaveText("Invitation revoked: its link no longer works.");
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await visitor.goto(link);
  await expect(visitor.getByTestId("invitation-state")).toHaveText("This invitation has been withdrawn by the dealer.");
  expect(violations).toEqual([]);
});

test("marking a car disconnected: Cancel keeps it connected; confirming disconnects it, says so, and e-mails the owner", async ({ browser }) => {
  test.slow(); // a sign-up by e-mail and a desk verification
  const owner = await createActiveUser(browser);
  const vin = uniqueVin();
  const dealer = await signedIn(browser, DEALER_A);
  await linkAtDesk(dealer.page, { ownerEmail: owner, vin });
  const row = dealer.page.getByTestId("dealer-vehicle").filter({ hasText: vin });

  await row.getByRole("button", { name: "Mark as disconnected" }).click();
  await expect(dialog(dealer.page)).toContainText("Mark this car as disconnected?");
  await expect(dialog(dealer.page)).toContainText("The Porsche Macan stays in the garage of Test Gebruiker");
  await expect(dialog(dealer.page)).toContainText("is told by e-mail");
  await answerDialog(dealer.page, "Cancel");
  await expect(row).toContainText("Connected");
  await dealer.page.reload();
  await expect(row).toContainText("Connected");

  await row.getByRole("button", { name: "Mark as disconnected" }).click();
  await answerDialog(dealer.page, "Mark as disconnected");
  await expect(toast(dealer.page)).toHaveText("Marked as disconnected: Test Gebruiker has been informed by e-mail.");
  await expect(row).toContainText("Disconnected");
  await expect(row.getByRole("button", { name: "Re-link" })).toBeVisible();

  // The owner's e-mail, in their language (the account was made on the Dutch pages), names the dealer and links to the car.
  const mail = await waitForMail(owner, (m) => m.subject === "Je Porsche Macan is ontkoppeld van je account");
  expect(mail.text).toContain(`${DEALER_A_NAME} heeft je Porsche Macan als ontkoppeld gemarkeerd`);
  const carLink = linkIn(mail, /http:\/\/localhost:\d+\/nl\/garage\/vehicles\/\w+/);
  // One e-mail: the cancelled attempt sent none.
  expect((await mailsTo(owner)).filter((m) => m.subject.includes("ontkoppeld"))).toHaveLength(1);
  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner, "a-long-password-9");
  await ownerPage.goto(carLink);
  await expect(ownerPage.getByTestId("disconnected")).toBeVisible();
});

test("disabling a user: Cancel keeps the account; confirming disables it, says so, and signs the user out", async ({ browser }) => {
  const email = await createActiveUser(browser, "a-long-password-3");
  const user = await (await browser.newContext()).newPage();
  await signIn(user, email, "a-long-password-3");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@demo.autodossier.test");
  await admin.goto(`/nl/console/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.getByTestId("user-row").filter({ hasText: email });

  await row.getByRole("button", { name: "Uitschakelen" }).click();
  await expect(dialog(admin)).toContainText(`${email} uitschakelen?`);
  await expect(dialog(admin)).toContainText("meteen overal uitgelogd");
  await answerDialog(admin, "Annuleren");
  await expect(row).toContainText("Actief");
  await user.goto("/nl/garage");
  await expect(user).toHaveURL(/\/nl\/garage$/);

  await row.getByRole("button", { name: "Uitschakelen" }).click();
  await answerDialog(admin, "Account uitschakelen");
  await expect(toast(admin)).toHaveText(`Account uitgeschakeld: ${email} is overal uitgelogd.`);
  await expect(row).toContainText("Uitgeschakeld");
  await expect(row.getByRole("button", { name: "Inschakelen" })).toBeVisible();
  await user.goto("/nl/garage");
  await expect(user).toHaveURL(/\/nl\/sign-in/);
});

test("removing a member: Cancel keeps them; confirming removes them and says so; the only administrator's buttons say why they are disabled", async ({ browser }) => {
  test.slow(); // two sign-ups by e-mail
  const [adminEmail, memberEmail] = await Promise.all([createActiveUser(browser), createActiveUser(browser)]);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@demo.autodossier.test");
  const orgName = `E2E Garage ${uniqueVin().slice(-6)}`;
  await admin.goto("/nl/console/admin/organisations");
  await admin.getByLabel("Naam").fill(orgName);
  await admin.getByLabel("Soort").selectOption("GARAGE");
  await admin.getByRole("button", { name: "Organisatie aanmaken" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(orgName);
  for (const [email, role] of [[adminEmail, "ADMIN"], [memberEmail, "MEMBER"]] as const) {
    await admin.getByLabel("E-mailadres van de gebruiker").fill(email);
    await admin.getByLabel("Rol").selectOption(role);
    await admin.getByRole("button", { name: "Lid toevoegen" }).click();
    await expect(admin.getByTestId("member").filter({ hasText: email })).toBeVisible();
  }

  // The only administrator can be neither made a member nor removed, and the page says why.
  const adminRow = admin.getByTestId("member").filter({ hasText: adminEmail });
  await expect(adminRow.getByRole("button", { name: "Lid maken" })).toBeDisabled();
  await expect(adminRow.getByRole("button", { name: "Verwijderen" })).toBeDisabled();
  await expect(adminRow.getByTestId("only-admin")).toHaveText("De enige beheerder van deze organisatie kan geen lid worden gemaakt of worden verwijderd: maak eerst een ander lid beheerder.");
  await expect(adminRow.getByRole("button", { name: "Verwijderen" })).toHaveAccessibleDescription(/maak eerst een ander lid beheerder/);

  const memberRow = admin.getByTestId("member").filter({ hasText: memberEmail });
  await memberRow.getByRole("button", { name: "Verwijderen" }).click();
  await expect(dialog(admin)).toContainText(`Test Gebruiker verwijderen uit ${orgName}?`);
  await expect(dialog(admin)).toContainText(`verliest meteen de toegang tot ${orgName}`);
  await answerDialog(admin, "Annuleren");
  await admin.reload();
  await expect(memberRow).toBeVisible();

  await memberRow.getByRole("button", { name: "Verwijderen" }).click();
  await answerDialog(admin, "Lid verwijderen");
  await expect(toast(admin)).toHaveText(`Test Gebruiker is verwijderd uit ${orgName}.`);
  await expect(memberRow).toHaveCount(0);
  await admin.reload();
  await expect(admin.getByTestId("member")).toHaveCount(1);
  await expect(adminRow).toBeVisible();
});

test("the only administrator of their own organisation sees why they cannot step down or leave", async ({ page }) => {
  await signIn(page, "dealer@demo.autodossier.test");
  await page.goto("/nl/console/admin/organisations/demo-dealer");
  const own = page.getByTestId("member").filter({ hasText: DEALER_A });
  await expect(own.getByRole("button", { name: "Lid maken" })).toBeDisabled();
  await expect(own.getByRole("button", { name: "Verwijderen" })).toBeDisabled();
  await expect(own.getByTestId("only-admin")).toHaveText(
    "Je bent de enige beheerder van deze organisatie: maak eerst een ander lid beheerder voordat je zelf lid wordt of vertrekt.",
  );
  await expect(own.getByRole("button", { name: "Lid maken" })).toHaveAccessibleDescription(/Je bent de enige beheerder/);
});

test("the removal page's Cancel goes back to the car, which stays in the garage", async ({ browser }) => {
  test.slow(); // a sign-up by e-mail and a desk verification
  const password = "a-long-password-5";
  const owner = await createActiveUser(browser, password);
  const vin = uniqueVin();
  const dealer = await signedIn(browser, DEALER_A);
  const vehicleId = await linkAtDesk(dealer.page, { ownerEmail: owner, vin });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, owner, password, "en");
  await page.goto(`/en/garage/vehicles/${vehicleId}/remove`);
  await page.getByLabel("I understand the consequences").check();
  const cancel = page.getByRole("link", { name: "Cancel" });
  await expect(cancel).toBeVisible();
  await expect(page.getByRole("button", { name: "Permanently remove vehicle" })).toBeEnabled();
  await cancel.click();
  await expect(page).toHaveURL(new RegExp(`/en/garage/vehicles/${vehicleId}$`));
  await page.goto("/en/garage");
  await expect(page.getByTestId("garage-vehicle").filter({ hasText: vin })).toBeVisible();
  expect((await mailsTo(owner)).filter((m) => m.subject.includes("removed"))).toEqual([]);
});
