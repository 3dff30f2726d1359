// Registering together with the applicant (issue #15 item 4): a counsellor
// opens the applicant's own form in their session, on a tablet, in the
// applicant's language with Norwegian beside it, after recording the
// consent; the person page then shows who gave each answer.
import { expect, test } from "@playwright/test";
import { CaseworkerShell, nb, unique } from "../fixtures/caseworker";
import { answerEveryPart, expectNoAxeViolations, screenshot } from "../fixtures/pages";
import { newPerson } from "../fixtures/server";
import { text } from "../fixtures/texts";

test.describe.configure({ mode: "parallel" });

// The translation beside the form is offered on tablets and computers.
test.beforeEach(({}, info) => {
  test.skip(info.project.name === "phone", "registering together is on a tablet or computer");
});

test("a counsellor registers together with an applicant on a tablet with the translation shown, and the person page shows each answer's provenance", async ({ page }, info) => {
  test.setTimeout(120_000);
  const person = newPerson("Selam", `Tesfai${unique()}`);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const personPage = await shell.openPerson(person.duf);
  const together = personPage.together;

  // The consent must be recorded first: the form says so where it is asked.
  await together.language("ti");
  await together.open();
  await expect(together.consentError).toHaveText(nb("together-error-consent"));
  await expect(page.getByTestId("together-consent-in-person")).toBeFocused();
  await together.consent("in-person");
  // The interpreter number is checked by the server's own rule as well.
  await together.interpreter("Hodan Ali", "TR 4711");
  await together.open();
  await expect(together.numberError).toHaveText(nb("together-error-number"));
  await screenshot(page, "together-01-start-errors", info);
  await expectNoAxeViolations(page);
  await together.interpreter("Hodan Ali", "TR-4711");
  await together.open();

  // The applicant's own form, in Tigrinya, with Norwegian beside it.
  await expect(page).toHaveURL(/\/together\/[0-9a-f-]+\/form$/);
  await expect(page.getByTestId("overview-title")).toHaveText(text("ti", "overview-title"));
  await expect(page.locator("html")).toHaveAttribute("lang", "ti");
  await expect(page.getByTestId("together-banner")).toHaveText(text("ti", "together-banner"));
  await expect(page.getByTestId("nav-my-data")).toHaveCount(0);
  await page.getByTestId("part-link-personal").click();
  const translation = page.getByTestId("translation").first();
  await expect(translation).toBeVisible();
  await expect(translation).toHaveAttribute("lang", "nb");
  await screenshot(page, "together-02-form-with-translation", info);
  await expectNoAxeViolations(page);
  await page.getByTestId("to-overview").click();

  await answerEveryPart(page);
  await screenshot(page, "together-03-summary", info);
  await page.getByTestId("complete").click();
  await expect(page.getByTestId("done-title")).toBeVisible();
  await expectNoAxeViolations(page);

  // Finishing ends the together session and goes back to the person page.
  await page.getByTestId("nav-logout").click();
  await expect(page).toHaveURL(/\/caseworker\/people\/[0-9a-f-]+$/);
  await expect(personPage.answersTitle).toBeVisible();
  const given = personPage.provenance("personal");
  await expect(given).toHaveCount(3);
  for (const cell of await given.all()) {
    await expect(cell).toContainText("Demo counsellor");
    await expect(cell).toContainText("Hodan Ali");
    await expect(cell).toContainText("TR-4711");
  }
  await expect(personPage.provenance("work").first()).toContainText("Demo counsellor");
  await screenshot(page, "together-04-person-provenance", info);
  // The part's answers alone, to look at the provenance column.
  await page.getByTestId("answers-personal").screenshot({ path: `test-results/screenshots/${info.project.name}-together-04b-provenance-personal.png` });
  await expectNoAxeViolations(page);
});

test("the applicant consents on the counsellor's screen before the form opens", async ({ page }, info) => {
  const person = newPerson("Amina", `Haile${unique()}`);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const personPage = await shell.openPerson(person.duf);
  await personPage.together.language("ar");
  await personPage.together.consent("on-screen");
  await personPage.together.open();

  // The declaration, in Arabic, right to left, in place of the form.
  await expect(page.getByTestId("consent-title")).toHaveText(text("ar", "consent-title"));
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await screenshot(page, "together-05-consent-on-screen", info);
  await expectNoAxeViolations(page);
  await page.getByTestId("consent-accept").click();
  await expect(page.getByTestId("overview-title")).toHaveText(text("ar", "overview-title"));
  await expect(page.getByTestId("together-banner")).toBeVisible();
});
