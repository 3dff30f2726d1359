import { expect, test, type Page } from "@playwright/test";
import {
  LANGUAGES,
  LoginPage,
  PartPage,
  answerEveryPart,
  expectNoAxeViolations,
  loginAndConsent,
  screenshot,
} from "../fixtures/pages";
import { newApplicant } from "../fixtures/server";

// Fourteen languages, right-to-left, the side-by-side translation and
// reading aloud.

async function expectDocumentLanguage(page: Page, bcp47: string, rtl: boolean) {
  await expect(page.locator("html")).toHaveAttribute("lang", bcp47);
  await expect(page.locator("html")).toHaveAttribute("dir", rtl ? "rtl" : "ltr");
}

test("a complete registration in Arabic on a phone, right to left", async ({ page }, info) => {
  test.skip(info.project.name !== "phone");
  test.setTimeout(120_000);
  const who = newApplicant();
  await page.goto("/");
  await page.getByTestId("language-ar").click();
  await expectDocumentLanguage(page, "ar", true);
  await expect(page.getByTestId("info-title")).toHaveText(/[\u0600-\u06FF]/);
  await page.getByTestId("info-next").click();
  // The DUF-number and the code stay left to right in Arabic.
  await expect(page.getByTestId("login-duf")).toHaveCSS("direction", "ltr");
  await new LoginPage(page).login(who);
  await expect(page.getByTestId("consent-title")).toBeVisible();
  await screenshot(page, "ar-consent", info);
  await page.getByTestId("consent-accept").click();
  await expect(page.getByTestId("overview-title")).toBeVisible();
  await expectDocumentLanguage(page, "ar", true);

  await answerEveryPart(page, async (part) => {
    if (part === "personal" || part === "work") {
      await screenshot(page, `ar-${part}`, info);
    }
  });
  // The parts and the answers from code lists read in Arabic.
  await expect(page.getByTestId("summary-personal")).toContainText("المعلومات الشخصية");
  await expect(page.getByTestId("summary-personal")).toContainText("إريتريا");
  await expect(page.getByTestId("summary-work")).toContainText("5");
  await screenshot(page, "ar-summary", info);
  await expectNoAxeViolations(page);
  await page.getByTestId("complete").click();
  await expect(page.getByTestId("done-title")).toBeVisible();
  await expectDocumentLanguage(page, "ar", true);
  await screenshot(page, "ar-done", info);
});

test("switching language in the middle of a part keeps the answers and translates the questions", async ({ page }) => {
  test.skip(test.info().project.name !== "phone");
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("part-link-education").click();
  const part = new PartPage(page);
  await part.choose("went_to_school", "yes");
  await part.fill("school_years", "7");
  const english = await part.question("went_to_school").locator("legend").innerText();
  await page.getByTestId("language-switch").selectOption("ti");
  await expectDocumentLanguage(page, "ti", false);
  await expect(part.question("went_to_school").locator("legend")).not.toHaveText(english);
  await expect(part.question("went_to_school").locator("legend")).toHaveText(/[\u1200-\u137F]/);
  await expect(part.question("went_to_school").locator('input[value="yes"]')).toBeChecked();
  await expect(part.question("school_years").locator("input")).toHaveValue("7");
  // And after a reload the choice and the answers are still there.
  await page.reload();
  await expectDocumentLanguage(page, "ti", false);
  await expect(part.question("went_to_school").locator('input[value="yes"]')).toBeChecked();
});

test("Translate form on a tablet shows a second language beside the first, and Hide removes it", async ({ page }, info) => {
  test.skip(info.project.name !== "tablet");
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("part-link-education").click();
  const part = new PartPage(page);
  await part.choose("went_to_school", "yes");
  await page.getByTestId("translate-open").click();
  await expect(page.getByTestId("translate-lang")).toBeFocused();
  await page.getByTestId("translate-lang").selectOption("ar");
  const question = part.question("went_to_school");
  // The question and each option carry the Arabic text, marked as Arabic.
  await expect(question.getByTestId("translation").first()).toHaveAttribute("lang", "ar");
  await expect(question.getByTestId("translation").first()).toHaveAttribute("dir", "rtl");
  await expect(question.getByTestId("translation").first()).toHaveText(/[\u0600-\u06FF]/);
  expect(await question.getByTestId("translation").count()).toBeGreaterThan(2);
  await expect(question.locator('input[value="yes"]')).toBeChecked();
  await screenshot(page, "translate-education", info);
  await expectNoAxeViolations(page);

  await page.getByTestId("to-overview").click();
  await page.getByTestId("to-summary").click();
  await expect(page.getByTestId("summary-education").getByTestId("translation").first()).toBeVisible();
  await screenshot(page, "translate-summary", info);
  await expectNoAxeViolations(page);

  await page.getByTestId("translate-hide").click();
  await expect(page.getByTestId("translation")).toHaveCount(0);
  await expect(page.getByTestId("translate-open")).toBeVisible();
});

test("Translate form is not offered on a phone", async ({ page }, info) => {
  test.skip(info.project.name !== "phone");
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("part-link-education").click();
  await expect(new PartPage(page).question("went_to_school")).toBeVisible();
  await expect(page.getByTestId("translate-open")).toHaveCount(0);
  await expect(page.getByTestId("translate")).toHaveCount(0);
});

test("read aloud is offered only with a voice for the language, and reads the question and its options", async ({ page }, info) => {
  test.skip(info.project.name !== "phone");
  // Headless Chromium has no speech engine: without one, no button.
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("part-link-education").click();
  await expect(new PartPage(page).question("went_to_school")).toBeVisible();
  await expect(page.getByTestId("read-aloud-went_to_school")).toHaveCount(0);
});

test("read aloud speaks in the current language with the browser's voice", async ({ browser }, info) => {
  test.skip(info.project.name !== "phone");
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  // Stand in for the operating system's speech engine, which this machine
  // lacks: one Arabic voice, and a record of what would be spoken.
  await context.addInitScript(() => {
    class SpeechSynthesisVoice {}
    class SpeechSynthesisUtterance {
      text: string; lang = ""; voice: unknown = null;
      constructor(text: string) { this.text = text; }
    }
    const voice = Object.assign(new SpeechSynthesisVoice(), { lang: "ar-SA", name: "Test", voiceURI: "test", localService: true, default: false });
    const spoken: { text: string; lang: string }[] = [];
    Object.assign(window, { SpeechSynthesisVoice, SpeechSynthesisUtterance, __spoken: spoken });
    Object.defineProperty(window, "speechSynthesis", {
      configurable: true,
      value: {
        getVoices: () => [voice],
        speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => {},
        onvoiceschanged: null,
      },
    });
  });
  const page = await context.newPage();
  await loginAndConsent(page, newApplicant());
  await page.getByTestId("part-link-education").click();
  const part = new PartPage(page);
  await expect(part.question("went_to_school")).toBeVisible();
  // English has no voice here: no button.
  await expect(page.getByTestId("read-aloud-went_to_school")).toHaveCount(0);
  await page.getByTestId("language-switch").selectOption("ar");
  const button = page.getByTestId("read-aloud-went_to_school");
  await expect(button).toBeVisible();
  await expect(button).toHaveAccessibleName(/.+/);
  await screenshot(page, "read-aloud", info);
  await expectNoAxeViolations(page);
  await button.click();
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
  expect(spoken).toHaveLength(1);
  expect(spoken[0].lang).toBe("ar");
  const question = await part.question("went_to_school").locator(".question__text").first().innerText();
  expect(spoken[0].text).toContain(question.split("\n")[0]);
  const firstOption = await part.question("went_to_school").locator(".choice span").first().innerText();
  expect(spoken[0].text).toContain(firstOption.split("\n")[0]);
  await context.close();
});

for (const lang of LANGUAGES) {
  test(`every page passes axe in ${lang.code}`, async ({ page }, info) => {
    test.skip(info.project.name !== "phone");
    test.setTimeout(60_000);
    const who = newApplicant();
    await page.goto("/");
    await page.getByTestId(`language-${lang.code}`).click();
    await expect(page.getByTestId("info-title")).toBeVisible();
    await expectDocumentLanguage(page, lang.bcp47, lang.rtl);
    // The language choice, in the chosen language.
    await page.goto("/");
    await expect(page.getByTestId("language-title")).toBeVisible();
    await expectDocumentLanguage(page, lang.bcp47, lang.rtl);
    await expectNoAxeViolations(page);
    await page.goto("/login");
    await expect(page.getByTestId("login-title")).toBeVisible();
    await expectNoAxeViolations(page);
    await new LoginPage(page).login(who);
    await expect(page.getByTestId("consent-title")).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByTestId("consent-accept").click();
    await expect(page.getByTestId("overview-title")).toBeVisible();
    await page.getByTestId("part-link-education").click();
    const part = new PartPage(page);
    await part.choose("went_to_school", "no");
    await expect(part.question("can_read_write")).toBeVisible();
    await expectDocumentLanguage(page, lang.bcp47, lang.rtl);
    await screenshot(page, `lang-${lang.code}-education`, info);
    await expectNoAxeViolations(page);
    await page.goto("/summary");
    await expect(page.getByTestId("summary-title")).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
