// Identity in the back office (issue #15, UDI 2021-007): a counsellor edits
// a person's identity in a form that shows the server's rules as they type,
// and links duplicates and aliases that the search then finds.
import { expect, test } from "@playwright/test";
import { CaseworkerShell, nb, unique } from "../fixtures/caseworker";
import { expectNoAxeViolations, screenshot } from "../fixtures/pages";
import { newPerson } from "../fixtures/server";

test.describe.configure({ mode: "parallel" });

// The back office is desktop first; the phone width is looked at below.
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== "desktop", "the back office is desktop first");
});

test("a counsellor registers the identity with field errors as they type, and the history keeps the change", async ({ page }, info) => {
  // Typing key by key and two axe runs at two widths take a while.
  test.setTimeout(90_000);
  const person = newPerson("Selam", `Tesfai${unique()}`);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const personPage = await shell.openPerson(person.duf);
  const identity = personPage.identity;
  await identity.edit();

  // A title is refused while typing, by the same rule the server applies.
  await identity.type("first_name", "Mr Selam");
  await expect(identity.error("first_name")).toHaveText(nb("err-title-in-name"));
  await identity.type("first_name", "Selam");
  await expect(identity.error("first_name")).toHaveCount(0);
  await identity.choose("name_source", "travel_document");

  // § 6.2: the day is unknown, so the case-opening day stands in for it.
  await identity.choose("birth_known", "month-year");
  await identity.type("birth_date-year", "1990");
  await identity.type("birth_date-month", "13");
  await expect(identity.error("birth_date-month")).toBeVisible();
  await identity.type("birth_date-month", "5");
  await identity.input("birth_date-case_opened_on").fill("2024-03-14");
  await identity.choose("birth_source", "own_statement");
  await expect(identity.birthPreview).toContainText("14.05.1990");
  await expect(identity.birthPreview).toContainText(nb("reliability-fictitious"));

  // Two citizenships: the preferred one must be marked.
  await identity.addCitizenship("ERI");
  await identity.addCitizenship("ETH");
  await identity.choose("citizenship_source", "travel_document");
  await identity.type("reason", "Pass vist ved første samtale");
  await identity.save();
  await expect(identity.error("preferred_citizenship")).toHaveText(nb("err-preferred-required"));
  await screenshot(page, "id-01-form-errors", info);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, "id-01-form-errors-360", info);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 1366, height: 900 });

  await identity.prefer(1);
  await identity.saved();

  // Country names in the caseworker's language, the preferred one marked.
  await expect(identity.fact("citizenships")).toContainText("Etiopia (foretrukket)");
  await expect(identity.fact("citizenships")).toContainText("(Eritrea)");
  await expect(identity.fact("birth")).toContainText("14.05.1990");
  await expect(identity.fact("birth")).toContainText(nb("reliability-fictitious"));
  await expect(identity.fact("birth")).toContainText(nb("source-own-statement"));
  await expect(identity.historyRow("citizenships")).toContainText("Pass vist ved første samtale");
  // The history shows old and new values as the identity above does: by
  // country name in the caseworker's language, not by code.
  await expect(identity.historyRow("citizenships")).toContainText("Etiopia (foretrukket) (Eritrea)");
  await expect(identity.historyRow("citizenships")).not.toContainText("ETH");
  await expect(identity.historyRow("date_of_birth")).toContainText(nb("reliability-fictitious"));
  // A field left empty is not a change, whatever the name's source.
  await expect(identity.historyRow("middle_name")).toHaveCount(0);
  await screenshot(page, "id-02-identity-saved", info);
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await screenshot(page, "id-02-identity-saved-360", info);
  await expectNoAxeViolations(page);
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test("a linked duplicate can no longer be edited, and the search finds the active identity through it and through an alias", async ({ page }, info) => {
  const surname = `Haile${unique()}`;
  const active = newPerson("Selam", surname);
  const duplicate = newPerson("Selam", `${surname}x`);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const personPage = await shell.openPerson(active.duf);
  await personPage.identity.linkDuplicate(duplicate.duf, "Registrert to ganger ved ankomst");
  // The alias form shows the same rules as the identity form, as they type.
  await personPage.identity.typeAlias("first_name", "Dr Semira");
  await expect(personPage.identity.aliasError("first_name")).toHaveText(nb("err-title-in-name"));
  await page.getByTestId("alias-first_name").fill("");
  const alias = `Ghebre${unique()}`;
  await personPage.identity.addAlias("Semira", alias, "Brukt i Sudan");
  await expect(personPage.identity.historyRow("aliases")).toContainText("Brukt i Sudan");

  // The duplicate's own page says so and offers no editing.
  await page.getByTestId("duplicate").getByRole("link").click();
  await expect(personPage.identity.duplicateOf).toContainText(active.duf);
  await expect(personPage.identity.editButton).toHaveCount(0);
  await screenshot(page, "id-04-duplicate", info);
  await expectNoAxeViolations(page);

  // The duplicate's DUF-number finds the active identity, marked.
  const byDuplicate = await shell.search(duplicate.duf);
  await expect(byDuplicate.row(active.duf).getByTestId("found-through")).toContainText(duplicate.duf);
  await expect(byDuplicate.row(duplicate.duf)).toHaveCount(0);
  // So does its name.
  const byName = await shell.search(`${surname}x, Selam`);
  await expect(byName.row(active.duf)).toBeVisible();
  await expect(byName.row(duplicate.duf)).toHaveCount(0);
  // The alias's name finds the person, marked as found through the alias.
  const byAlias = await shell.search(alias);
  await expect(byAlias.row(active.duf).getByTestId("found-through")).toContainText(alias);
  await screenshot(page, "id-03-search-alias", info);
  await expectNoAxeViolations(page);
});

test("a duplicate linked in error is unlinked and an alias removed, each after a confirmation with a reason", async ({ page }, info) => {
  const surname = `Kidane${unique()}`;
  const active = newPerson("Selam", surname);
  const duplicate = newPerson("Selam", `${surname}y`);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const personPage = await shell.openPerson(active.duf);
  await personPage.identity.linkDuplicate(duplicate.duf, "Registrert to ganger ved ankomst");
  const alias = `Tekle${unique()}`;
  await personPage.identity.addAlias("Semira", alias, "Brukt i Sudan");

  // The row's button names what it undoes; Escape cancels and changes nothing.
  const open = page.getByTestId("duplicate").getByTestId("unlink-open");
  await expect(open).toHaveAccessibleName(nb("duplicate-unlink-label", { name: duplicate.duf }));
  await open.click();
  await expect(page.getByTestId("unlink")).toBeVisible();
  await expect(page.getByTestId("unlink").getByRole("heading")).toHaveText(nb("duplicate-unlink-title", { name: duplicate.duf }));
  // A reason is needed; the dialog says so and stays open.
  await page.getByTestId("unlink-confirm").click();
  await expect(page.getByTestId("unlink-error")).toHaveText(nb("removal-reason-required"));
  await screenshot(page, "id-05-unlink-dialog", info);
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("unlink")).toBeHidden();
  await expect(page.getByTestId("duplicate")).toContainText(duplicate.duf);

  await personPage.identity.unlinkDuplicate(duplicate.duf, "Ikke samme person: fingeravtrykkene er ulike");
  await expect(page.getByTestId("duplicates-none")).toBeVisible();
  await expect(personPage.identity.historyRow("duplicates").first()).toContainText("Ikke samme person");
  await personPage.identity.removeAlias(alias, "Registrert på feil person");
  await expect(page.getByTestId("aliases-none")).toBeVisible();
  await expect(personPage.identity.historyRow("aliases").first()).toContainText("Registrert på feil person");
  await screenshot(page, "id-06-unlinked", info);
  await expectNoAxeViolations(page);

  // The search finds the former duplicate as itself, and the alias no more.
  const byDuplicate = await shell.search(duplicate.duf);
  await expect(byDuplicate.row(duplicate.duf)).toBeVisible();
  await expect(byDuplicate.row(active.duf)).toHaveCount(0);
  const byAlias = await shell.search(alias);
  await expect(byAlias.row(active.duf)).toHaveCount(0);
});
