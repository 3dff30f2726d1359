// The printable profile (issue 16, item 3): "Print profile" on the person
// page opens identity and the latest completed registration, the answers
// in Norwegian with the applicant's language beside them, where they came
// from and when, laid out for A4. The browser renders it to a PDF (kept
// under test-results/print/ to be looked at), and the print shows in the
// person's access log.
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { CaseworkerShell, nb, pdfPageText } from "../fixtures/caseworker";
import { expectNoAxeViolations, screenshot } from "../fixtures/pages";

/** A made-up person of the demo organisation with a completed registration
 *  (backend/src/demo.rs, `completed_duf`). */
const COMPLETED_DUF = "202400010059";

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== "desktop", "the back office is desktop first");
});

test("the printed profile has identity, answers in two languages and provenance, renders to an A4 PDF, and is logged", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "reader");
  const person = await shell.openPerson(COMPLETED_DUF);

  const print = await person.openPrint();
  await expect(page).toHaveURL(/\/caseworker\/people\/[0-9a-f-]+\/print$/);
  await expect(print.identity).toContainText(COMPLETED_DUF);
  await expect(print.printed).toContainText("Demo reader");
  await expect(print.provenance).toContainText(/fullført \d/);
  const personal = print.answers("personal");
  await expect(personal.mine.first()).toBeVisible();
  await expect(personal.beside.first()).toHaveAttribute("lang", /.+/);
  expect(await print.page.getByTestId(/^answers-/).count()).toBe(7);
  await screenshot(page, "print-01-screen", info);
  await expectNoAxeViolations(page);

  mkdirSync("test-results/print", { recursive: true });
  const pdf = await print.pdf("test-results/print/profile.pdf");
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  // A4 is 595 × 842 points; the profile takes more than one page and few.
  expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  expect(pages).toBeLessThanOrEqual(6);
  // Every page says whose profile it is: the name and the DUF-number at
  // its top, so a loose second page is not anyone's.
  const name = (await print.name.textContent())!.trim();
  for (let n = 1; n <= pages; n++) {
    const top = pdfPageText("test-results/print/profile.pdf", n).trimStart().split("\n")[0];
    expect(top, `page ${n}`).toContain(name);
    expect(top, `page ${n}`).toContain(`${nb("col-duf")} ${COMPLETED_DUF}`);
  }

  const back = await print.backToPerson();
  await expect(back.accessLogPrints.first()).toBeVisible();
  await expect(back.accessLogPrints.first()).toContainText(nb("action-print-person"));
});

test("the language beside the answers can be chosen for the print, and the printed pages follow it", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "reader");
  const person = await shell.openPerson(COMPLETED_DUF);
  const print = await person.openPrint();
  const personal = print.answers("personal");
  await expect(personal.beside.first()).toBeVisible();
  const first = await personal.beside.first().getAttribute("lang");

  // Another language than the applicant's: Arabic, right to left.
  const other = first === "ar" ? "so" : "ar";
  await print.chooseBeside(other);
  await expect(personal.beside.first()).toHaveAttribute("lang", other);
  await expect(print.besideChooser).toHaveAccessibleName(nb("answers-beside"));
  await screenshot(page, "print-02-beside-chosen", info);
  await expectNoAxeViolations(page);

  mkdirSync("test-results/print", { recursive: true });
  await print.pdf("test-results/print/profile-beside.pdf");
  // The chooser is a screen tool: the print has the answers, not the chooser.
  const text = pdfPageText("test-results/print/profile-beside.pdf", 1);
  expect(text).not.toContain(nb("answers-beside"));
  await print.backToPerson();
});
