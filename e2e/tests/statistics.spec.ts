// The statistics page (issue 16, item 2): the statistics role starts there
// and sees completed registrations over time and how the answers are
// distributed, each as a chart with its numbers in a table and a CSV file
// of exactly that table; counts under five are "< 5". The demo
// organisation's made-up completions (backend/src/demo.rs) give it
// something to show. On a phone and a desktop.
import { expect, test } from "@playwright/test";
import { CaseworkerLoginPage, CaseworkerShell, en, nb } from "../fixtures/caseworker";
import { expectNoAxeViolations, screenshot } from "../fixtures/pages";
import { directorateStatistician } from "../fixtures/server";

test.describe.configure({ mode: "parallel" });

test.beforeEach(({}, info) => {
  test.skip(info.project.name === "tablet", "a phone and a desktop cover the layouts");
});

test("the statistics role starts on the statistics page: charts, tables with numbers and < 5, axe clean", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "statistics");
  const stats = shell.statistics;
  await expect(stats.title).toBeVisible();
  await expect(page).toHaveURL(/\/caseworker\/statistics$/);
  await expect(shell.menu("people")).toHaveCount(0);

  // Completions over time: a line chart, named, and its table.
  const completions = stats.figure("completions");
  await expect(completions.chart).toHaveAttribute("role", "img");
  await expect(completions.chart).toHaveAttribute("aria-label", nb("stats-chart-line", { title: nb("stats-completions") }));
  await expect(completions.rows.first()).toBeVisible();
  expect(await completions.rows.count()).toBeGreaterThanOrEqual(6);

  // Mother tongue: bars, the most common first, and the rare ones hidden.
  const tongue = stats.figure("mother_tongue");
  await expect(tongue.chart).toHaveAttribute("aria-label", nb("stats-chart-bar", { title: nb("stats-q-mother-tongue") }));
  await expect(tongue.chart.locator("rect").first()).toBeVisible();
  await expect(tongue.hidden.first()).toHaveText("< 5");
  const rows = await stats.tableRows("mother_tongue");
  // Other tests complete registrations too: the demo's own 14 Arabic
  // speakers are the floor of the largest count, and the bars go down.
  expect(Number(rows[0][1])).toBeGreaterThanOrEqual(14);
  const shown = rows.map(([, n]) => n).filter((n) => /^\d+$/.test(n)).map(Number);
  expect(shown.slice(0, -1)).toEqual([...shown.slice(0, -1)].sort((a, b) => b - a));
  expect(rows.map(([label]) => label)).toContain("Arabisk");
  expect(rows.filter(([, n]) => n === "< 5").length).toBeGreaterThanOrEqual(2);
  expect(rows[rows.length - 1][0]).toBe(nb("stats-unanswered"));
  for (const q of ["country_background", "highest_education", "school_level", "norwegian_speak", "norwegian_read", "norwegian_write", "licence_classes", "jobs.occupation", "wants_education", "wants_work", "wanted_occupation"]) {
    await expect(stats.figure(q).chart).toBeVisible();
  }
  // The highest education level is one figure, one level per person: its
  // shown counts and "not answered" never exceed the registrations.
  const education = stats.figure("highest_education");
  await expect(education.chart).toHaveAttribute("aria-label", nb("stats-chart-bar", { title: nb("stats-q-highest-education") }));
  const levels = await stats.tableRows("highest_education");
  expect(levels.map(([label]) => label)).toContain(nb("stats-education-none"));
  const registrations = Number((await education.total.textContent())!.match(/\d+/)![0]);
  const levelSum = levels.map(([, n]) => n).filter((n) => /^\d+$/.test(n)).map(Number).reduce((a, b) => a + b, 0);
  expect(levelSum).toBeLessThanOrEqual(registrations);
  await expect(stats.figure("jobs.occupation").rows.first()).toContainText(/\p{L}/u);

  await screenshot(page, "stats-01-page", info);
  await expectNoAxeViolations(page);
});

test("each figure's CSV file is exactly its table, with < 5 where the table has it", async ({ page }) => {
  const shell = await CaseworkerShell.login(page, "statistics");
  const stats = shell.statistics;
  await expect(stats.figure("mother_tongue").hidden.first()).toBeVisible();

  for (const question of ["mother_tongue", "completions"]) {
    const table = await stats.tableRows(question);
    const { name, text } = await stats.downloadCsv(question);
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    const column = question === "completions" ? nb("stats-col-period") : nb("stats-col-answer");
    expect(lines[0]).toBe(`${column},${nb("stats-col-count")}`);
    const quoted = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    expect(lines.slice(1)).toEqual(table.map(([label, count]) => `${quoted(label)},${count}`));
    expect(name).toMatch(/\.csv$/);
    if (question === "mother_tongue") expect(lines.some((l) => l.endsWith(",< 5"))).toBe(true);
  }
});

test("filters narrow the figures, weeks replace months, and a selection under five is too few to show", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "statistics");
  const stats = shell.statistics;
  const tongue = stats.figure("mother_tongue");
  await expect(tongue.total).toBeVisible();
  const all = Number((await tongue.total.textContent())!.match(/\d+/)![0]);

  await stats.filter({ gender: "female" });
  await expect(tongue.total).not.toHaveText(new RegExp(`^${all} `));
  const women = Number((await tongue.total.textContent())!.match(/\d+/)![0]);
  expect(women).toBeLessThan(all);
  expect(women).toBeGreaterThanOrEqual(5);

  const completions = stats.figure("completions");
  await stats.showPerWeek();
  await expect(completions.rows.first()).toHaveAttribute("data-key", /^\d{4}-W\d{2}$/);

  await stats.filter({ ageBand: "under_18", gender: "" });
  await expect(tongue.tooFew).toHaveText(nb("stats-too-few"));
  await expect(tongue.chart).toHaveCount(0);
  await screenshot(page, "stats-02-too-few", info);
  await expectNoAxeViolations(page);
});

test("the statistics page works at 320 px without sideways scrolling", async ({ page }, info) => {
  test.skip(info.project.name !== "phone", "the narrowest layout");
  await page.setViewportSize({ width: 320, height: 740 });
  const shell = await CaseworkerShell.login(page, "statistics");
  await expect(shell.statistics.figure("mother_tongue").chart).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, "stats-03-320px", info);
});

test("the directorate sees every organisation together and may choose one", async ({ page }, info) => {
  test.skip(info.project.name !== "desktop", "one layout is enough for the choice");
  const account = directorateStatistician();
  const login = new CaseworkerLoginPage(page);
  await login.goto();
  const shell = await login.login(account.username, account.password);
  const stats = shell.statistics;
  const tongue = stats.figure("mother_tongue");
  await expect(tongue.total).toBeVisible();
  const all = Number((await tongue.total.textContent())!.match(/\d+/)![0]);
  expect(all).toBeGreaterThanOrEqual(60);

  // The directorate itself registers no one: narrowed to it, nothing shows.
  await stats.filter({ organisation: "Direktoratet (e2e)" });
  await expect(tongue.tooFew).toHaveText(nb("stats-too-few"));
  await expect(stats.figure("completions").section.getByTestId("stats-empty")).toHaveText(nb("stats-empty"));
  await stats.filter({ organisation: "Demo mottak" });
  await expect(tongue.total).toHaveText(nb("stats-total", { count: all }));
  await expectNoAxeViolations(page);
});

test("switching to English renames every figure at once, the completions chart too, without a reload", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "statistics");
  const stats = shell.statistics;
  const completions = stats.figure("completions");
  const tongue = stats.figure("mother_tongue");
  await expect(completions.chart).toHaveAttribute("aria-label", nb("stats-chart-line", { title: nb("stats-completions") }));
  // Marks the document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await shell.chooseLanguage("en");
  await expect(completions.chart).toHaveAttribute("aria-label", en("stats-chart-line", { title: en("stats-completions") }));
  const escaped = en("stats-total", { count: "NUMBER" }).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(completions.total).toHaveText(new RegExp(`^${escaped.replace("NUMBER", "\\d+")}$`));
  await expect(completions.csv).toHaveAttribute("aria-label", en("stats-csv-named", { title: en("stats-completions") }));
  await expect(tongue.chart).toHaveAttribute("aria-label", en("stats-chart-bar", { title: en("stats-q-mother-tongue") }));
  await expect(tongue.hidden.first()).toHaveText(en("stats-hidden"));
  const { text } = await stats.downloadCsv("completions");
  expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(`${en("stats-col-period")},${en("stats-col-count")}`);
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await screenshot(page, "stats-04-english", info);
  await expectNoAxeViolations(page);

  await shell.chooseLanguage("nb");
  await expect(completions.chart).toHaveAttribute("aria-label", nb("stats-chart-line", { title: nb("stats-completions") }));
});
