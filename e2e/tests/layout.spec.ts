import { expect, test } from "@playwright/test";
import { PartPage, expectNoAxeViolations, loginAndConsent, screenshot } from "../fixtures/pages";
import { newApplicant } from "../fixtures/server";

test("a form part works and passes axe on tablet and desktop too", async ({ page }, info) => {
  test.skip(info.project.name === "phone", "the phone journey covers it");
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("part-link-education").click();
  const part = new PartPage(page);
  await part.choose("went_to_school", "yes");
  await expect(part.question("school_years")).toBeVisible();
  await screenshot(page, "education", info);
  await expectNoAxeViolations(page);
});

test("a right-to-left language mirrors the layout and keeps answers when switched mid-part", async ({ page }, info) => {
  test.skip(info.project.name !== "phone");
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("part-link-education").click();
  const part = new PartPage(page);
  await part.choose("went_to_school", "no");
  await page.getByTestId("language-switch").selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(part.question("went_to_school").locator('input[value="no"]')).toBeChecked();
  // Numbers and codes stay left-to-right inside right-to-left text.
  await screenshot(page, "education-rtl", info);
  await expectNoAxeViolations(page);
});
