import { expect, test, type Locator, type Page } from "@playwright/test";
import { PartPage, expectNoAxeViolations, loginAndConsent, screenshot } from "../fixtures/pages";
import { newApplicant } from "../fixtures/server";

// Pictograms beside the options where a picture helps the most (#15 item 5):
// yes/no, education levels, skill levels, devices, licence classes. They
// say what the text says, so they are hidden from the accessibility tree,
// and the option's row stays one labelled radio or checkbox.

/** The pictograms drawn in a question (the `<svg>`s, not the empty spaces). */
function pictograms(part: PartPage, path: string): Locator {
  return part.question(path).locator(".choice svg.pictogram");
}

/** Checks that a question shows these pictograms, hidden from screen readers,
 *  and that the first one was drawn from the sprite (not an empty box). */
async function expectPictograms(part: PartPage, path: string, names: string[]) {
  const shown = pictograms(part, path);
  await expect(shown).toHaveCount(names.length);
  for (const [i, name] of names.entries()) {
    await expect(shown.nth(i)).toHaveAttribute("data-pictogram", name);
    await expect(shown.nth(i)).toHaveAttribute("aria-hidden", "true");
    await expect(shown.nth(i)).toHaveAttribute("focusable", "false");
    await expect(shown.nth(i)).toBeVisible();
  }
  await expect
    .poll(() => shown.first().locator("use").evaluate((u) => (u as SVGUseElement).getBBox().width))
    .toBeGreaterThan(0);
  // Nothing of the picture reaches the accessibility tree.
  await expect(part.question(path).getByRole("img")).toHaveCount(0);
}

/** The sides of a row's input, pictogram and text, to check their order. */
async function rowOrder(part: PartPage, path: string, code: string) {
  const row = part.question(path).locator(`label.choice:has(input[value="${code}"])`);
  const x = async (l: Locator) => (await l.boundingBox())!.x;
  return {
    input: await x(row.locator("input")),
    pictogram: await x(row.locator(".pictogram")),
    text: await x(row.locator("span").last()),
  };
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const language of ["nb", "ti", "ar"]) {
  test(`pictograms on yes/no, education levels, skills and licence classes, hidden from screen readers, in ${language}`, async ({ page }, info) => {
    test.skip(info.project.name === "tablet", "phone and desktop cover it");
    test.setTimeout(90_000);
    const rtl = language === "ar";
    await loginAndConsent(page, newApplicant(), language);
    await expect(page.locator("html")).toHaveAttribute("dir", rtl ? "rtl" : "ltr");
    const part = new PartPage(page);

    // Education: yes/no, then the education levels as rows with pictures.
    await page.getByTestId("part-link-education").click();
    await expectPictograms(part, "went_to_school", ["yes", "no"]);
    await part.choose("went_to_school", "yes");
    await part.fill("school_years", "9");
    await expectPictograms(part, "school_level", [
      "edu_primary", "edu_lower_secondary", "edu_upper_secondary", "edu_vocational",
      "edu_college", "edu_bachelor", "edu_master", "edu_doctorate",
    ]);
    // "I don't know" has no picture but keeps the column.
    await expect(part.question("school_level").locator("span.pictogram")).toHaveCount(1);
    // The picture is part of the row's label: a tap on it chooses the option.
    await part.question("school_level").locator('[data-pictogram="edu_bachelor"]').click();
    await expect(part.question("school_level").locator('input[value="6"]')).toBeChecked();
    // Input, picture, text: from the start of the line, so mirrored in Arabic.
    const order = await rowOrder(part, "school_level", "6");
    if (rtl) expect(order.input > order.pictogram && order.pictogram > order.text).toBe(true);
    else expect(order.input < order.pictogram && order.pictogram < order.text).toBe(true);
    // The keyboard reaches the radio as before, with its focus ring.
    const first = part.question("school_level").locator('input[value="1"]');
    await first.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await expect(first).toBeFocused();
    await expect(first).toBeChecked();
    expect(await first.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe("solid");
    await screenshot(page, `pictograms-education-${language}`, info);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);
    // "A little" between yes and no: a half-filled circle.
    await part.choose("went_to_school", "no");
    await expectPictograms(part, "can_read_write", ["yes", "partly", "no"]);

    // Language: the skill levels as five bars, fewer filled for less.
    await page.goto("/form/language");
    await expectPictograms(part, "norwegian_speak", ["level_5", "level_4", "level_3", "level_2", "level_1", "level_0"]);
    await expect(part.question("norwegian_speak").locator('.question__head svg[data-pictogram="speak"]')).toBeVisible();
    await part.choose("norwegian_speak", "poor");
    await screenshot(page, `pictograms-language-${language}`, info);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);

    // Digital: devices and the computer skill.
    await page.goto("/form/digital");
    await expectPictograms(part, "devices", ["phone", "tablet", "computer", "no"]);
    await part.choose("devices", "computer");
    await part.choose("digital_tasks", "messages");
    await expectPictograms(part, "computer_skill", ["level_5", "level_4", "level_3", "level_2", "level_1", "level_0"]);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);

    // Driving: yes/no, then a vehicle for each licence class.
    await page.goto("/form/driving");
    await expectPictograms(part, "has_licence", ["yes", "no"]);
    await part.choose("has_licence", "yes");
    await expect(pictograms(part, "licence_classes")).toHaveCount(15);
    await expect(part.question("licence_classes").locator('input[value="B"] ~ svg')).toHaveAttribute("data-pictogram", "car");
    await part.question("licence_classes").locator('label.choice:has(input[value="CE"]) svg').click();
    await expect(part.question("licence_classes").locator('input[value="CE"]')).toBeChecked();
    await screenshot(page, `pictograms-driving-${language}`, info);
    await noSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });
}

test("at 320 px the rows with pictograms fit without sideways scrolling", async ({ page }, info) => {
  test.skip(info.project.name !== "phone");
  await page.setViewportSize({ width: 320, height: 700 });
  await loginAndConsent(page, newApplicant(), "ar");
  const part = new PartPage(page);
  await page.getByTestId("part-link-education").click();
  await part.choose("went_to_school", "yes");
  await part.fill("school_years", "9");
  await expect(pictograms(part, "school_level")).toHaveCount(8);
  await noSidewaysScroll(page);
  await screenshot(page, "pictograms-education-ar-320", info);
  await expectNoAxeViolations(page);
});

test("the sprite is one long-cached, content-hashed file under the strict policy", async ({ page, request }, info) => {
  test.skip(info.project.name !== "phone");
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("part-link-education").click();
  const href = await new PartPage(page).question("went_to_school").locator(".choice use").first().getAttribute("href");
  expect(href).toMatch(/^\/assets\/pictograms-[0-9a-f]{16}\.svg#yes$/);
  const answer = await request.get(href!.split("#")[0], { headers: { "Accept-Encoding": "br" } });
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("image/svg+xml");
  expect(answer.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(answer.headers()["content-encoding"]).toBe("br");
  expect(answer.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(await answer.text()).toContain('<symbol id="yes"');
});
