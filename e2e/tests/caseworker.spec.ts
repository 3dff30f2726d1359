// The back office (SPEC.md §5, issue 6), one behaviour per test. Each test
// makes its own people and accounts, so they run in any order, in parallel.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { CaseworkerLoginPage, CaseworkerShell, nb, ownPage, unique, type PersonPage } from "../fixtures/caseworker";
import { completeRegistration, expectNoAxeViolations, loginAndConsent, screenshot } from "../fixtures/pages";
import { ensureOrganisation, newCode, newPerson, type Applicant, type Person } from "../fixtures/server";

test.describe.configure({ mode: "parallel" });

// The back office is desktop first.
test.beforeEach(({}, info) => {
  test.skip(info.project.name !== "desktop", "the back office is desktop first");
});

/** A whole registration in the applicant's interface takes a while. */
const REGISTRATION_TIMEOUT = 90_000;

/** The applicant, in a browser of their own, registers in Tigrinya. */
async function applicantRegisters(browser: Browser, who: Applicant): Promise<Page> {
  const applicant = await ownPage(browser);
  await loginAndConsent(applicant, who, "ti");
  await completeRegistration(applicant);
  return applicant;
}

/** A new person of the counsellor's organisation, put on the worklist. */
async function personOnWorklist(shell: CaseworkerShell, firstName: string): Promise<{ person: Person; page: PersonPage }> {
  const person = newPerson(firstName, `Test${unique()}`);
  const page = await shell.openPerson(person.duf);
  await page.addToWorklist();
  return { person, page };
}

/** A person on the worklist who completed a registration in Tigrinya and has
 *  started a new one (through the API, as the done page's "fill in again" does). */
async function completedThenStartedAgain(browser: Browser, shell: CaseworkerShell): Promise<Person> {
  const { person } = await personOnWorklist(shell, "Selam");
  const applicant = await applicantRegisters(browser, { duf: person.duf, code: newCode(person.duf) });
  const again = await applicant.request.post("/api/v1/applicant/registrations");
  expect(again.status()).toBe(201);
  return person;
}

test("a counsellor logs in to the worklist of their own organisation", async ({ page }, info) => {
  const login = new CaseworkerLoginPage(page);
  await login.goto("/caseworker");
  await screenshot(page, "cw-01-login", info);
  await expectNoAxeViolations(page);

  const shell = await login.login("demo.counsellor");
  await expect(shell.organisation).toContainText("demo-0001");
  await screenshot(page, "cw-02-worklist", info);
  await expectNoAxeViolations(page);
});

test("'/' focuses the search box, and a name search, surname first, finds the person", async ({ page }, info) => {
  const person = newPerson("Selam", `Tesfay${unique()}`);
  const shell = await CaseworkerShell.login(page, "counsellor");

  const search = await shell.searchByKeyboard(`${person.lastName}, sel`);
  await expect(search.rows).toHaveCount(1);
  await expect(search.rows).toHaveAttribute("data-duf", person.duf);
  await screenshot(page, "cw-03-search-name", info);
  await expectNoAxeViolations(page);
});

test("a national ID with wrong check digits gets the server's field error", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "counsellor");

  const search = await shell.search("01010112345");
  await expect(search.error).toBeVisible();
  await expect(shell.searchBox).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "cw-04-search-error", info);
  await expectNoAxeViolations(page);
});

test("a DUF-number search leads to the person page, where a new person has no code", async ({ page }) => {
  const person = newPerson("Selam", `Tesfay${unique()}`);
  const shell = await CaseworkerShell.login(page, "counsellor");

  const search = await shell.search(person.duf);
  await expect(search.row(person.duf)).toBeVisible();
  const personPage = await search.openPerson(person.duf);
  await expect(personPage.duf).toHaveText(person.duf);
  await expect(personPage.state).toHaveAttribute("data-state", "no_code");
});

test("issuing a code asks for confirmation, then shows the code once", async ({ page }, info) => {
  const person = newPerson("Selam", `Tesfay${unique()}`);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const personPage = await shell.openPerson(person.duf);

  await personPage.openIssueDialog();
  await screenshot(page, "cw-05-issue-dialog", info);
  await expectNoAxeViolations(page);

  const code = await personPage.confirmIssue();
  expect(code).toMatch(/^\d{4} \d{4}$/);
  await expect(personPage.issuedCodeExpiry).toBeVisible();
  await screenshot(page, "cw-06-code-issued", info);
  await expectNoAxeViolations(page);

  await personPage.doneWithCode();
  await expect(personPage.codeStatus).toBeVisible();
});

test("a person put on the worklist shows there, with the code issued", async ({ page }) => {
  const shell = await CaseworkerShell.login(page, "counsellor");
  const { person, page: personPage } = await personOnWorklist(shell, "Selam");
  await expect(personPage.worklistToggle).toHaveAttribute("aria-pressed", "true");
  await personPage.issueCode();

  const worklist = await shell.openWorklist();
  await expect(worklist.state(person.duf)).toHaveAttribute("data-state", "code_issued");
});

test("the code a counsellor issues lets the applicant register, and the worklist shows it completed", async ({ page, browser }, info) => {
  test.setTimeout(REGISTRATION_TIMEOUT);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const { person, page: personPage } = await personOnWorklist(shell, "Selam");
  const code = await personPage.issueCode();

  await applicantRegisters(browser, { duf: person.duf, code });

  const worklist = await shell.openWorklist();
  await expect(worklist.state(person.duf)).toHaveAttribute("data-state", "completed");
  await screenshot(page, "cw-07-worklist-completed", info);
  await expectNoAxeViolations(page);
});

test("a new registration after a completed one shows as completed, new in progress", async ({ page, browser }) => {
  test.setTimeout(REGISTRATION_TIMEOUT);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const person = await completedThenStartedAgain(browser, shell);

  const worklist = await shell.openWorklist();
  await expect(worklist.state(person.duf)).toHaveAttribute("data-state", "completed_new_in_progress");
  await expect(worklist.state(person.duf)).toHaveText(nb("state-completed-new-in-progress"));
  const personPage = await worklist.openPerson(person.duf);
  await expect(personPage.state).toHaveText(nb("state-completed-new-in-progress"));
});

test("the person page shows the completed registration's answers in Norwegian beside the applicant's language", async ({ page, browser }, info) => {
  test.setTimeout(REGISTRATION_TIMEOUT);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const person = await completedThenStartedAgain(browser, shell);

  // By default the completed registration, not the new draft, beside
  // Tigrinya, the language the applicant answered in.
  const personPage = await (await shell.openWorklist()).openPerson(person.duf);
  await expect(personPage.answersTitle).toHaveText(nb("answers-title", { number: 1 }));
  await expect(personPage.registrationRows).toHaveCount(2);
  await expect(personPage.registration(1)).toHaveAttribute("aria-current", "true");
  const personal = personPage.answers("personal");
  await expect(personal.mine.first()).toContainText("Tigrinja");
  await expect(personal.beside.first()).toHaveAttribute("lang", "ti");
  await expect(personPage.besideLanguage).toHaveValue("ti");
  expect((await personal.beside.first().textContent()) ?? "").toMatch(/[\u1200-\u137F]/); // Ethiopic script
  await screenshot(page, "cw-08a-person-completed-new-in-progress", info);
});

test("every registration opens on the person page: the new draft, then the completed one again", async ({ page, browser }, info) => {
  test.setTimeout(REGISTRATION_TIMEOUT);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const person = await completedThenStartedAgain(browser, shell);
  const personPage = await (await shell.openWorklist()).openPerson(person.duf);

  await personPage.openRegistration(2);
  await expect(personPage.registration(2)).toHaveAttribute("aria-current", "true");
  await expect(personPage.answersProvenance).toContainText("ikke fullført");
  await screenshot(page, "cw-08b-person-draft-opened", info);
  await expectNoAxeViolations(page);

  await personPage.openRegistration(1);
  await expect(personPage.answers("personal").mine.first()).toContainText("Tigrinja");
});

test("the access log lists each time a counsellor opened the person", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "counsellor");
  const { person } = await personOnWorklist(shell, "Selam");
  const personPage = await (await shell.openWorklist()).openPerson(person.duf);

  await expect(personPage.accessLogReads.first()).toBeVisible();
  expect(await personPage.accessLogReads.count()).toBeGreaterThanOrEqual(2);
  await screenshot(page, "cw-08-person", info);
  await expectNoAxeViolations(page);
});

test("a counsellor's remark shows on the person page", async ({ page }) => {
  const person = newPerson("Selam", `Tesfay${unique()}`);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const personPage = await shell.openPerson(person.duf);
  await expect(personPage.noRemarks).toBeVisible();

  // A blank remark is refused in the browser by the server's own rule.
  await personPage.tryRemark("   ");
  await expect(personPage.remarkError).toHaveText(nb("err-remark-length"));
  await expect(personPage.remarkText).toBeFocused();

  await personPage.addRemark("Ønsker veiledning om norskkurs.");
  await expect(personPage.remarks).toContainText("Ønsker veiledning om norskkurs.");
});

test("the people list filters to completed people on the worklist and exports them as CSV", async ({ page, browser }, info) => {
  test.setTimeout(REGISTRATION_TIMEOUT);
  const shell = await CaseworkerShell.login(page, "counsellor");
  const { person } = await personOnWorklist(shell, "Selam");
  await applicantRegisters(browser, { duf: person.duf, code: newCode(person.duf) });

  const people = await shell.openPeople();
  await people.filter({ state: "completed", worklistOnly: true });
  await expect(people.row(person.duf)).toBeVisible();
  await expect(people.exportLink).toHaveAttribute("href", /\/people\/export\?state=completed&worklist_only=true/);
  expect(await people.exportCsv()).toContain(person.duf);
  await screenshot(page, "cw-09-people", info);
  await expectNoAxeViolations(page);
});

test("outside the organisation only an exact DUF-number finds a person, after a reason", async ({ page }, info) => {
  ensureOrganisation("e2e-other", "Annen kommune");
  const other = newPerson("Yonas", `Outside${unique()}`, "e2e-other");
  const shell = await CaseworkerShell.login(page, "counsellor");

  const byName = await shell.search(other.lastName);
  await expect(byName.empty).toBeVisible();
  await expect(byName.lookupButton).toHaveCount(0);

  const byDuf = await shell.search(other.duf);
  await byDuf.startLookup("kort");
  await byDuf.confirmLookup();
  await expect(byDuf.lookupDialogError).toBeVisible();
  await byDuf.writeLookupReason("Personen har flyttet til vår kommune");
  await screenshot(page, "cw-10-lookup-dialog", info);
  await expectNoAxeViolations(page);
  await byDuf.confirmLookup();
  await expect(byDuf.lookupResult).toContainText("Annen kommune");
  await screenshot(page, "cw-11-lookup-result", info);
  await expectNoAxeViolations(page);
});

test("the auditor verifies the audit log and sees no people", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "auditor");
  await expect(shell.menu("people")).toHaveCount(0);
  await expect(shell.searchBox).toHaveCount(0);

  const audit = await shell.openAudit();
  await expect(audit.rows.first()).toBeVisible();
  await audit.verify();
  await screenshot(page, "cw-12-audit", info);
  await expectNoAxeViolations(page);
});

test("the administrator creates an account and has no audit log", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "administrator");
  await expect(shell.menu("audit")).toHaveCount(0);

  const accounts = await shell.openAccounts();
  await expect(accounts.rows.first()).toBeVisible();
  const username = `e2e.reader${unique()}`;
  await accounts.create({ username, displayName: "E2E Reader", password: "a long enough passphrase 42", roles: ["reader"] });
  await screenshot(page, "cw-13-accounts", info);
  await expectNoAxeViolations(page);
});

test("the administrator changes an account's roles, and a disabled account cannot log in", async ({ page, browser }) => {
  const shell = await CaseworkerShell.login(page, "administrator");
  const accounts = await shell.openAccounts();
  const username = `e2e.roles${unique()}`;
  const password = "a long enough passphrase 42";
  await accounts.create({ username, displayName: "E2E Roles", password, roles: ["reader"] });
  await expect(accounts.row(username)).toContainText(nb("role-reader"));

  await accounts.changeRoles(username, ["counsellor"]);
  await expect(accounts.row(username)).toContainText(nb("role-counsellor"));
  await expect(accounts.row(username)).not.toContainText(nb("role-reader"));

  await accounts.disable(username);
  await expect(accounts.row(username)).toContainText(nb("account-disabled"));
  const login = new CaseworkerLoginPage(await ownPage(browser));
  await login.goto();
  expect(await login.attempt(username, password)).not.toBe(200);
  await expect(login.error).toBeVisible();
});

// Issue #11: failed logins slow an account down instead of locking it, and
// an administrator clears the delay.
test("failed logins slow an account down until the administrator clears the delay", async ({ page, browser }, info) => {
  const admin = await CaseworkerShell.login(page, "administrator");
  const accounts = await admin.openAccounts();
  const username = `e2e.slow${unique()}`;
  const password = "a long enough passphrase 42";
  await accounts.create({ username, displayName: "E2E Slow", password, roles: ["counsellor"] });

  const staffPage = await ownPage(browser);
  const login = new CaseworkerLoginPage(staffPage);
  await login.goto();
  // Five failures are free; then each try must wait longer (1 s, 2 s, …),
  // so a quick try soon lands in a wait and is refused unchecked.
  let status = 0;
  for (let i = 0; i < 12 && status !== 429; i++) {
    status = await login.attempt(username, "not the password");
    expect([401, 429]).toContain(status);
  }
  expect(status).toBe(429);
  await expect(login.error).toHaveText(nb("error-too-many"));
  await screenshot(staffPage, "cw-14-login-wait", info);
  await expectNoAxeViolations(staffPage);

  await accounts.openClearDelayDialog(username);
  await screenshot(page, "cw-15-clear-delay", info);
  await expectNoAxeViolations(page);
  await accounts.confirmClearDelay(username);

  await login.login(username, password);
});

// Issue #11: a counsellor ends an applicant's sessions (a phone left logged in).
test("a counsellor ends an applicant's sessions", async ({ page, browser }, info) => {
  const person = newPerson("Hanna", `Kidane${unique()}`);
  const applicant = await ownPage(browser);
  await loginAndConsent(applicant, { duf: person.duf, code: newCode(person.duf) });
  const shell = await CaseworkerShell.login(page, "counsellor");
  const personPage = await shell.openPerson(person.duf);

  await personPage.openEndSessionsDialog();
  await screenshot(page, "cw-16-end-sessions", info);
  await expectNoAxeViolations(page);
  await personPage.confirmEndSessions();

  const mine = await applicant.request.get("/api/v1/applicant/session");
  expect(mine.status()).toBe(401);
});
