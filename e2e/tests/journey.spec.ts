import { expect, test } from "@playwright/test";
import { LoginPage, PartPage, expectNoAxeViolations, loginAndConsent, screenshot } from "../fixtures/pages";
import { newApplicant } from "../fixtures/server";

// The applicant journey on a phone, as seed 000 describes it.
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== "phone", "the applicant journey is phone-first");
});

test("a complete registration from language choice to completion, taking follow-ups", async ({ page }, info) => {
  test.setTimeout(120_000);
  const who = newApplicant();
  await page.goto("/");
  await screenshot(page, "01-language", info);
  await expectNoAxeViolations(page);
  await page.getByTestId("language-en").click();
  await expect(page.getByTestId("info-title")).toBeVisible();
  await screenshot(page, "02-info", info);
  await expectNoAxeViolations(page);
  await page.getByTestId("info-next").click();
  await expect(page.getByTestId("login-title")).toBeVisible();
  await expectNoAxeViolations(page);
  await new LoginPage(page).login(who);
  await expect(page.getByTestId("consent-title")).toBeVisible();
  await screenshot(page, "03-consent", info);
  await expectNoAxeViolations(page);
  await page.getByTestId("consent-accept").click();
  await expect(page.getByTestId("overview-title")).toBeVisible();
  await expect(page.getByTestId("part-state-personal")).toHaveText("Not started");
  await screenshot(page, "04-overview", info);
  await expectNoAxeViolations(page);

  const part = new PartPage(page);
  await page.getByTestId("part-link-personal").click();
  await part.expectPart("Personal data");
  await expect(page.getByTestId("part-of")).toHaveText(/Part \W?1\W? of \W?7\W?/);
  await expect(part.status("mother_tongue")).toHaveAttribute("data-status", "notanswered");
  await part.select("mother_tongue", "tir");
  await expect(part.status("mother_tongue")).toHaveAttribute("data-status", "answered");
  await part.select("interpreter_language", "tir");
  await part.select("country_background", "ERI");
  await screenshot(page, "05-personal", info);
  await expectNoAxeViolations(page);
  await part.next();

  await part.expectPart("Education");
  await part.choose("went_to_school", "yes");
  // Eastern Arabic digits are read as 9.
  await part.fill("school_years", "٩");
  await part.select("school_level", "2");
  await part.select("school_country", "ERI");
  await part.choose("school_documents", "documents_lost");
  await part.choose("further_education", "yes");
  await part.add("educations");
  await part.select("educations/0/level", "4");
  await part.fill("educations/0/field", "Nursing");
  await part.select("educations/0/country", "ETH");
  await part.choose("educations/0/completed", "yes");
  await part.fill("educations/0/finished_year", "2015");
  await part.choose("educations/0/documents", "no");
  await part.choose("prior_learning", "no");
  await expect(part.question("can_read_write")).toHaveCount(0);
  await screenshot(page, "06-education", info);
  await expectNoAxeViolations(page);
  await part.next();

  await part.expectPart("Language");
  await part.choose("mother_tongue_read_write", "yes");
  for (const skill of ["speak", "read", "write"]) await part.choose(`norwegian_${skill}`, "poor");
  for (const skill of ["speak", "read", "write"]) await part.choose(`english_${skill}`, "good");
  await part.choose("other_languages", "no");
  await part.next();

  await part.expectPart("Digital skills");
  await part.choose("devices", "phone");
  await part.choose("devices", "computer");
  await part.choose("digital_tasks", "messages");
  await part.choose("digital_tasks", "video_calls");
  await part.choose("computer_skill", "neither");
  await part.next();

  await part.expectPart("Driving licence");
  await part.choose("has_licence", "yes");
  await part.choose("licence_classes", "B");
  await part.select("licence_country", "ERI");
  await part.choose("licence_valid", "yes");
  await part.choose("licence_document", "documents_lost");
  await part.next();

  await part.expectPart("Work experience");
  await part.choose("had_work", "yes");
  await part.add("jobs");
  await part.select("jobs/0/occupation", "71");
  await part.fill("jobs/0/years", "5");
  await part.select("jobs/0/country", "ERI");
  await part.choose("jobs/0/employment", "self_employed");
  await part.choose("activities", "cooking");
  await part.choose("activities", "agriculture");
  await part.choose("volunteer_work", "no");
  await screenshot(page, "07-work", info);
  await expectNoAxeViolations(page);
  await part.next();

  await part.expectPart("Other");
  await part.choose("interests", "helping_people");
  await part.choose("wants_education", "yes");
  await part.select("wanted_level", "5");
  await part.choose("wanted_field", "health");
  await part.choose("wants_work", "yes");
  await part.select("wanted_occupation", "22");
  await part.next();

  await expect(page.getByTestId("summary-title")).toBeVisible();
  await expect(page.getByTestId("summary-education")).toContainText("Nursing");
  await expect(page.getByTestId("summary-work")).toContainText("Eritrea");
  await screenshot(page, "08-summary", info);
  await expectNoAxeViolations(page);
  await page.getByTestId("complete").click();

  await expect(page.getByTestId("done-title")).toBeVisible();
  await screenshot(page, "09-done", info);
  await expectNoAxeViolations(page);

  // Completed means read-only: the parts lead back to the completed view.
  await page.goto("/form/education");
  await expect(page.getByTestId("done-title")).toBeVisible();
  await expect(page.getByTestId("part-next")).toHaveCount(0);

  await page.getByTestId("nav-my-data").click();
  await expect(page.getByTestId("my-data-title")).toBeVisible();
  await expect(page.getByTestId("my-data-person")).toContainText(who.duf);
  await expect(page.getByTestId("my-data-registrations")).toContainText("Completed");
  await screenshot(page, "10-my-data", info);
  await expectNoAxeViolations(page);
});

test("Next with a required answer missing marks it and stays in the part", async ({ page }, info) => {
  await loginAndConsent(page, newApplicant());
  const part = new PartPage(page);
  await page.getByTestId("part-link-education").click();
  await part.expectPart("Education");
  await part.choose("went_to_school", "no");
  await part.next();
  await part.expectPart("Education");
  await expect(page).toHaveURL(/\/form\/education$/);
  await expect(part.status("can_read_write")).toHaveAttribute("data-status", "missing");
  await expect(part.status("went_to_school")).toHaveAttribute("data-status", "answered");
  await expect(part.question("can_read_write")).toContainText("Answer missing");
  await expect(part.question("can_read_write")).toContainText("Choose one of the options.");
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page.locator("#input-can_read_write")).toBeFocused();
  await screenshot(page, "missing-answer", info);
  await expectNoAxeViolations(page);
  await part.choose("can_read_write", "a_little");
  await expect(part.status("can_read_write")).toHaveAttribute("data-status", "answered");
  // The change is announced politely to screen readers.
  await expect(page.getByTestId("announcement")).toHaveText(/Can you read and write.*: Answered/);
});

test("a reload in the middle of a part keeps what was saved", async ({ page }) => {
  await loginAndConsent(page, newApplicant());
  const part = new PartPage(page);
  await page.getByTestId("part-link-personal").click();
  await part.select("mother_tongue", "ara");
  await part.select("interpreter_language", "ara");
  await part.select("country_background", "SYR");
  await part.next();
  await part.expectPart("Education");
  await part.choose("went_to_school", "yes");
  await page.reload();
  await part.expectPart("Education");
  // Not yet acknowledged edits are kept on the device.
  await expect(part.question("went_to_school").locator('input[value="yes"]')).toBeChecked();
  await page.goto("/form/personal");
  await expect(part.question("mother_tongue").locator("select")).toHaveValue("ara");
  await expect(part.question("country_background").locator("select")).toHaveValue("SYR");
  await page.goto("/form");
  await expect(page.getByTestId("part-state-personal")).toHaveText("Done");
});

test("the summary's Edit returns to the part", async ({ page }) => {
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("to-summary").click();
  await expect(page.getByTestId("summary-title")).toBeVisible();
  await page.getByTestId("edit-driving").click();
  await new PartPage(page).expectPart("Driving licence");
});

test("a wrong code is refused with a clear message and no hint", async ({ page }, info) => {
  const who = newApplicant();
  await page.goto("/login");
  const login = new LoginPage(page);
  await login.login({ duf: who.duf, code: "0000 0000" });
  await expect(login.error).toContainText("not right");
  await login.login({ duf: "999999999999", code: who.code });
  await expect(login.error).toContainText("not right");
  await screenshot(page, "login-wrong-code", info);
  await expectNoAxeViolations(page);
});

test("declining consent stores only the decline and logs out", async ({ page }) => {
  const who = newApplicant();
  await page.goto("/login");
  await new LoginPage(page).login(who);
  await page.getByTestId("consent-decline").click();
  await expect(page.getByTestId("declined-title")).toBeVisible();
  await page.goto("/form");
  await expect(page.getByTestId("login-title")).toBeVisible();
});
