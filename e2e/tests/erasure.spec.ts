// Erasure on request (issue #16, item 4): a counsellor erases a person from
// the person page after a confirmation that names them, with a reason; the
// person is then gone from the back office. A reader has no such button.
import { expect, test } from "@playwright/test";
import { CaseworkerShell, nb, nbPattern, unique } from "../fixtures/caseworker";
import { expectNoAxeViolations, screenshot } from "../fixtures/pages";
import { newPerson } from "../fixtures/server";

// The back office is desktop first; the dialog is also checked at phone size.
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== "desktop", "the back office is desktop first");
});

test("a counsellor erases a person after a confirmation that names them, with a reason", async ({ page }, info) => {
  const person = newPerson("Zerihun", `Ghebremariam${unique()}`);
  const name = `${person.firstName} ${person.lastName}`;
  const shell = await CaseworkerShell.login(page, "counsellor");
  const personPage = await shell.openPerson(person.duf);

  await personPage.openEraseDialog();
  await expect(personPage.eraseDialogTitle).toHaveText(nbPattern("erase-title", { name, duf: person.duf }));
  await expect(page.getByTestId("erase-dialog-confirm")).toHaveText(nbPattern("erase-confirm", { name }));
  await expect(page.getByTestId("erase-reason")).toBeFocused();
  await screenshot(page, "erase-01-dialog", info);
  await expectNoAxeViolations(page);
  // The same dialog on a phone-sized window.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: `test-results/screenshots/phone-erase-01-dialog-360x740.png` });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1366, height: 900 });

  // Too short a reason is refused in the browser by the server's rule; nothing is erased.
  await personPage.confirmErase("asked");
  await expect(personPage.eraseError).toHaveText(nb("err-reason"));
  await screenshot(page, "erase-02-reason-refused", info);
  await expect(personPage.eraseDialog).toBeVisible();

  await personPage.confirmErase("The applicant asked to be erased (letter of 30 November)");
  await expect(personPage.erased).toBeVisible();
  await expect(personPage.erased.getByRole("heading")).toHaveText(nbPattern("erased-title", { name }));
  await expect(personPage.erased).toBeFocused();
  await screenshot(page, "erase-03-erased", info);
  await expectNoAxeViolations(page);

  // Gone for the back office: the DUF-number finds no one.
  const search = await shell.search(person.duf);
  await expect(search.empty).toBeVisible();
});

test("a reader sees no erase button", async ({ page }) => {
  const person = newPerson("Selam", `Tesfay${unique()}`);
  const shell = await CaseworkerShell.login(page, "reader");
  const personPage = await shell.openPerson(person.duf);
  await expect(personPage.duf).toHaveText(person.duf);
  await expect(personPage.eraseButton).toHaveCount(0);
});
