import { expect, test, type Page } from "@playwright/test";
import { LoginPage, PartPage, answerEveryPart, expectNoAxeViolations, loginAndConsent, screenshot } from "../fixtures/pages";
import { newApplicant, newCode } from "../fixtures/server";
import { pattern, text } from "../fixtures/texts";

// The applicant's journey as a new user found it. Phone first.
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== "phone", "the applicant journey is phone-first");
});

async function goToPart(page: Page, id: string) {
  await page.goto(`/form/${id}`);
  await expect(page.getByTestId("part-title")).toBeVisible();
}

test("1: changing your mind never blocks a part", async ({ page }, info) => {
  await loginAndConsent(page, newApplicant());
  const part = new PartPage(page);

  // Yes, 4 years, then No: the years are hidden and must not block the save.
  await goToPart(page, "education");
  await part.choose("went_to_school", "yes");
  await part.fill("school_years", "4");
  await part.select("school_level", "2");
  await part.select("school_country", "ERI");
  await part.choose("school_documents", "documents_lost");
  await part.choose("went_to_school", "no");
  await expect(part.question("school_years")).toHaveCount(0);
  await part.choose("can_read_write", "yes");
  await part.choose("prior_learning", "no");
  await part.next();
  await part.expectPart("Language");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  // A reload shows what the server kept: No, and no error anywhere.
  await goToPart(page, "education");
  await expect(part.question("went_to_school").locator('input[value="no"]')).toBeChecked();
  await expect(page.getByTestId("error-summary")).toHaveCount(0);

  // Driving licence Yes → class B → No.
  await goToPart(page, "driving");
  await part.choose("has_licence", "yes");
  await part.choose("licence_classes", "B");
  await part.choose("has_licence", "no");
  await part.next();
  await part.expectPart("Work experience");

  // Other → wants education Yes → a level (a radio follow-up that cannot be
  // un-answered) → No.
  await goToPart(page, "other");
  await part.choose("interests", "helping_people");
  await part.choose("wants_education", "yes");
  await part.select("wanted_level", "5");
  await part.choose("wants_education", "no");
  await part.choose("wants_work", "no");
  await part.next();
  await expect(page.getByTestId("summary-title")).toBeVisible();
  await screenshot(page, "changed-mind-summary", info);
  // What the server stored: no answer to a question that is not shown.
  const stored = await (await page.request.get("/api/v1/applicant/registration")).json();
  expect(stored.answers.went_to_school).toBe("no");
  for (const hidden of ["school_years", "school_documents", "licence_classes", "wanted_level"]) {
    expect(stored.answers[hidden], hidden).toBeUndefined();
  }
});

test("2: messages from the server read in Arabic and Tigrinya", async ({ page }, info) => {
  for (const lang of ["ar", "ti"]) {
    const who = newApplicant();
    await page.goto("/");
    await page.getByTestId(`language-${lang}`).click();
    await page.getByTestId("info-next").click();
    const login = new LoginPage(page);
    await login.login({ duf: who.duf, code: "0000 0000" });
    await expect(login.error).toHaveText(text(lang, "login-failed"));
    // Five wrong codes end the code: the right one is then
    // refused with the same words, and a new code from staff lets the
    // person in at once, whatever was tried before.
    const answered = () =>
      page.waitForResponse((r) => r.url().endsWith("/api/v1/applicant/session") && r.request().method() === "POST");
    for (let i = 0; i < 5; i++) await Promise.all([answered(), login.login({ duf: who.duf, code: "1111 1111" })]);
    await Promise.all([answered(), login.login(who)]);
    await expect(login.error).toHaveText(text(lang, "login-failed"));
    await screenshot(page, `login-code-used-up-${lang}`, info);
    await expectNoAxeViolations(page);
    await login.login({ duf: who.duf, code: newCode(who.duf) });
    await expect(page).not.toHaveURL(/\/login$/);
    await page.context().clearCookies();

    // Completing with answers missing names it in the page's language.
    const other = newApplicant();
    await loginAndConsent(page, other, lang);
    await page.goto("/summary");
    await page.getByTestId("complete").click();
    await expect(page.getByTestId("summary-error")).toContainText(text(lang, "summary-missing"));
    await screenshot(page, `summary-missing-${lang}`, info);
    await expectNoAxeViolations(page);
  }
});

test("5: edits made offline survive closing the tab and are sent at the next visit", async ({ page, context }) => {
  await loginAndConsent(page, newApplicant());
  const part = new PartPage(page);
  await goToPart(page, "education");
  await context.setOffline(true);
  await part.choose("went_to_school", "no");
  await part.choose("can_read_write", "a_little");
  await part.choose("prior_learning", "no");
  await part.next();
  await expect(page.getByTestId("save-status")).toHaveText("Not saved yet — will try again");
  await page.close();

  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto("/form/education");
  const part2 = new PartPage(again);
  await expect(part2.question("can_read_write").locator('input[value="a_little"]')).toBeChecked();
  await expect(again.getByTestId("save-status")).toHaveText("Saved");
  // The server has them: the overview counts the part as done.
  await again.goto("/form");
  await expect(again.getByTestId("part-state-education")).toHaveText("Done");
});

test("5: edits kept on the device when the session ended are sent at the next login", async ({ page, context }) => {
  const who = newApplicant();
  await loginAndConsent(page, who);
  const part = new PartPage(page);
  await goToPart(page, "driving");
  await context.setOffline(true);
  await part.choose("has_licence", "no");
  await part.next();
  await expect(page.getByTestId("save-status")).toHaveText("Not saved yet — will try again");
  await page.close();
  // The session ends without a logout (a timeout), and staff give a new code.
  await context.clearCookies();
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto("/login");
  await new LoginPage(again).login({ duf: who.duf, code: newCode(who.duf) });
  await expect(again.getByTestId("overview-title")).toBeVisible();
  await expect(again.getByTestId("part-state-driving")).toHaveText("Done");
});

test("5: unsaved edits are sent when the network returns", async ({ page, context }) => {
  await loginAndConsent(page, newApplicant());
  const part = new PartPage(page);
  await goToPart(page, "driving");
  await context.setOffline(true);
  await part.choose("has_licence", "no");
  await part.next();
  await expect(page.getByTestId("save-status")).toHaveText("Not saved yet — will try again");
  await context.setOffline(false);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
});

test("6: a double tap on Next saves once and shows no false notice", async ({ page }) => {
  await loginAndConsent(page, newApplicant());
  const part = new PartPage(page);
  await goToPart(page, "driving");
  await part.choose("has_licence", "no");
  await page.getByTestId("part-next").dblclick();
  await part.expectPart("Work experience");
  await expect(page.getByTestId("save-conflict")).toHaveCount(0);
  await expect(page.locator(".notice[role=alert]")).toHaveCount(0);
});

test("6: two tabs on different parts both keep their work; the same part asks", async ({ page, context }) => {
  await loginAndConsent(page, newApplicant());
  const other = await context.newPage();
  await goToPart(page, "driving");
  await goToPart(other, "education");

  const a = new PartPage(page);
  await a.choose("has_licence", "no");
  await a.next();
  await a.expectPart("Work experience");

  // The second tab is on the old revision and edited another part: merged.
  const b = new PartPage(other);
  await b.choose("went_to_school", "no");
  await b.choose("can_read_write", "yes");
  await b.choose("prior_learning", "no");
  await b.next();
  await b.expectPart("Language");
  await expect(other.getByTestId("save-conflict")).toHaveCount(0);
  await other.goto("/form");
  await expect(other.getByTestId("part-state-driving")).toHaveText("Done");
  await expect(other.getByTestId("part-state-education")).toHaveText("Done");

  // Both edit the same part: the stale one is asked which answers to keep.
  await goToPart(page, "other");
  await goToPart(other, "other");
  await a.choose("interests", "helping_people");
  await a.choose("wants_education", "no");
  await a.choose("wants_work", "no");
  await a.next();
  await expect(page.getByTestId("summary-title")).toBeVisible();
  await b.choose("interests", "sports");
  await b.choose("wants_education", "no");
  await b.choose("wants_work", "no");
  await b.next();
  await expect(other.getByTestId("save-conflict")).toBeVisible();
  await other.getByTestId("conflict-keep-mine").click();
  await expect(other.getByTestId("save-status")).toHaveText("Saved");
  await page.reload();
  await expect(page.getByTestId("summary-other")).toContainText("Sport");
});

test("7: numbers and years are checked where they are typed", async ({ page }, info) => {
  for (const lang of ["en", "ar"]) {
    await loginAndConsent(page, newApplicant(), lang);
    const part = new PartPage(page);
    await goToPart(page, "education");
    await part.choose("went_to_school", "yes");
    await expect(part.question("school_years").getByTestId("range")).toHaveText(pattern(lang, "number-range", { min: 0, max: 30 }));
    for (const [typed, key] of [["abc", "answer-error-not_a_number"], ["45", "answer-error-too_large"], ["-3", "answer-error-too_small"]]) {
      await part.fill("school_years", typed);
      await expect(part.status("school_years")).toHaveAttribute("data-status", "missing");
      await expect(part.question("school_years")).toContainText(pattern(lang, key, { min: 0, max: 30 }));
    }
    await part.fill("school_years", "4");
    await expect(part.status("school_years")).toHaveAttribute("data-status", "answered");
    await part.select("school_level", "2");
    await part.select("school_country", "ERI");
    await part.choose("school_documents", "documents_lost");

    // A year far in the future or the past, inside a group entry.
    await part.choose("further_education", "yes");
    await part.add("educations");
    await part.choose("educations/0/completed", "yes");
    const year = new Date().getFullYear();
    await expect(part.question("educations/0/finished_year").getByTestId("range")).toHaveText(
      pattern(lang, "year-range", { min: year - 70, max: year }),
    );
    await part.fill("educations/0/finished_year", "2090");
    await expect(part.status("educations/0/finished_year")).toHaveAttribute("data-status", "missing");
    await part.fill("educations/0/finished_year", "1850");
    await expect(part.question("educations/0/finished_year")).toContainText(pattern(lang, "answer-error-too_small", { min: year - 70, max: year }));
    await part.next();
    await expect(page.getByTestId("error-summary")).toContainText(text(lang, "error-summary-attention"));
    await expect(page).toHaveURL(/\/form\/education/);
    await screenshot(page, `typed-check-${lang}`, info);
    await expectNoAxeViolations(page);
    await page.evaluate(() => localStorage.clear());
  }
});

test("8: the summary marks missing parts, Edit returns to it, and the overview leads on", async ({ page }, info) => {
  await loginAndConsent(page, newApplicant());
  // The overview's one clear next step.
  await expect(page.getByTestId("overview-next")).toHaveText("Start");
  await page.getByTestId("overview-next").click();
  const part = new PartPage(page);
  await part.expectPart("Personal data");
  // After Next, focus is on the new part's title for screen readers.
  await part.select("mother_tongue", "tir");
  await part.select("interpreter_language", "tir");
  await part.select("country_background", "ERI");
  await part.next();
  await part.expectPart("Education");
  await expect(page.getByTestId("part-title")).toBeFocused();
  await page.goto("/form");
  await expect(page.getByTestId("overview-next")).toHaveText("Continue");
  await expect(page.getByTestId("overview-next")).toHaveAttribute("href", "/form/education");

  await page.goto("/summary");
  await expect(page.getByTestId("summary-missing-education")).toBeVisible();
  await expect(page.getByTestId("summary-missing-personal")).toHaveCount(0);
  await page.getByTestId("complete").click();
  await expect(page.getByTestId("summary-error-education")).toHaveText("Education");
  await expect(page.getByTestId("summary-error-personal")).toHaveCount(0);
  await screenshot(page, "summary-missing-parts", info);
  await expectNoAxeViolations(page);

  // Edit, then Next, comes back to the summary.
  await page.getByTestId("edit-driving").click();
  await part.expectPart("Driving licence");
  await part.choose("has_licence", "no");
  await part.next();
  await expect(page.getByTestId("summary-title")).toBeVisible();
  await expect(page.getByTestId("summary-missing-driving")).toHaveCount(0);
});

test("8: group entries are titled from their answers and an empty group says what it needs", async ({ page }, info) => {
  await loginAndConsent(page, newApplicant());
  const part = new PartPage(page);
  await goToPart(page, "work");
  await part.choose("had_work", "yes");
  await expect(page.getByTestId("add-jobs")).toHaveText("Add a job");
  await part.next();
  await expect(page.getByTestId("group-missing")).toBeVisible();
  await part.add("jobs");
  await expect(page.getByTestId("add-jobs")).toHaveText("Add another job");
  await part.select("jobs/0/occupation", "71");
  await part.select("jobs/0/country", "ERI");
  const card = page.getByTestId("entry-jobs-0");
  await expect(card.locator(".card__title")).toContainText("Eritrea");
  await expect(page.getByTestId("remove-jobs-0")).toHaveAccessibleName(/Remove .*Eritrea/);
  await screenshot(page, "group-titles", info);
  await expectNoAxeViolations(page);
});

test("8: filling in again asks first and starts from the previous answers", async ({ page }, info) => {
  await loginAndConsent(page, newApplicant());
  await answerEveryPart(page);
  await page.getByTestId("complete").click();
  await expect(page.getByTestId("done-title")).toBeVisible();
  await page.getByTestId("fill-again").click();
  await expect(page.getByTestId("fill-again-confirm")).toBeVisible();
  await screenshot(page, "fill-again-confirm", info);
  await expectNoAxeViolations(page);
  await page.getByTestId("fill-again-cancel").click();
  await expect(page.getByTestId("done-title")).toBeVisible();
  await page.getByTestId("fill-again").click();
  await page.getByTestId("fill-again-yes").click();
  await expect(page.getByTestId("summary-title")).toBeVisible();
  await expect(page.getByTestId("summary-work")).toContainText("Eritrea");
  await page.getByTestId("edit-driving").click();
  await expect(new PartPage(page).question("has_licence").locator('input[value="no"]')).toBeChecked();
});
