// The administrator's API clients in the back office (issue 13 item 9):
// registering a client with a secret shown once or a pasted public key,
// rotating, and disabling. Runs on the desktop and the phone (320–360 px
// must work); each test names its own clients, so they run in any order.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CaseworkerShell, ED25519_JWK, ED25519_PEM, nb, unique } from "../fixtures/caseworker";
import { expectNoAxeViolations, screenshot } from "../fixtures/pages";

test.describe.configure({ mode: "parallel" });

test.beforeEach(({}, info) => {
  test.skip(info.project.name === "tablet", "desktop and phone cover the page");
});

/** Asks the token endpoint for a token with a client secret (client_secret_post). */
async function token(request: APIRequestContext, clientId: string, secret: string): Promise<number> {
  const response = await request.post("/api/v1/oauth/token", {
    form: { grant_type: "client_credentials", client_id: clientId, client_secret: secret },
  });
  return response.status();
}

test("the administrator registers a client with a secret by keyboard, sees the secret once, and disables the client", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "administrator");
  const clients = await shell.openApiClients();
  await screenshot(page, "api-clients-01-page", info);
  await expectNoAxeViolations(page);

  // Keyboard only: the name, two scopes, "client secret", register.
  const name = `E2E sak ${unique()}`;
  await clients.nameField.focus();
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await expect(clients.scopeBox("people:read")).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(clients.scopeBox("codes:issue")).toBeFocused();
  await page.keyboard.press("Space");
  for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
  await expect(page.getByTestId("new-kind-public-key")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("new-kind-secret")).toBeChecked();
  await expect(clients.keyField).toHaveCount(0);
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("create-client")).toBeFocused();
  await page.keyboard.press("Enter");

  // The secret, once, in the panel that has focus; the form is empty again.
  await expect(clients.created).toContainText(nb("clients-created-done", { name }));
  await expect(page.locator("#created-client")).toBeFocused();
  await expect(clients.created).toContainText(nb("clients-secret-once"));
  const issued = await clients.issued(clients.created);
  expect(issued.secret).toBeTruthy();
  await expect(clients.nameField).toHaveValue("");
  await expect(clients.scopeBox("people:read")).not.toBeChecked();
  await expect(page.getByTestId("new-kind-public-key")).toBeChecked();
  const row = clients.row(name);
  await expect(row).toContainText("people:read");
  await expect(row).toContainText("codes:issue");
  await expect(row).toContainText(nb("clients-kind-secret-short"));
  await expect(row.getByTestId("client-last-used")).toHaveText(nb("clients-never-used"));
  await screenshot(page, "api-clients-02-secret-shown", info);
  await expectNoAxeViolations(page);

  // The secret is the real one: it gets a token, and the last use shows.
  expect(await token(page.request, issued.id, issued.secret!)).toBe(200);

  // After a reload the secret is nowhere on the page.
  await page.reload();
  await expect(clients.title).toBeVisible();
  await expect(row).toBeVisible();
  await expect(clients.created).toHaveCount(0);
  expect(await page.content()).not.toContain(issued.secret!);
  await expect(row.getByTestId("client-last-used")).not.toHaveText(nb("clients-never-used"));

  // Disabling asks first; then the client gets no token.
  await clients.openDialog(name, "disable-client", "disable-client-dialog");
  await expect(page.getByTestId("disable-client-dialog")).toContainText(nb("clients-disable-explain"));
  await screenshot(page, "api-clients-03-disable-dialog", info);
  await expectNoAxeViolations(page);
  await page.getByTestId("disable-client-dialog-confirm").click();
  await expect(clients.status).toHaveText(nb("clients-disabled-done", { name }));
  await expect(clients.status).toBeFocused();
  await expect(row.getByTestId("client-status")).toHaveText(nb("clients-disabled"));
  await expect(row.getByTestId("disable-client")).toHaveCount(0);
  expect(await token(page.request, issued.id, issued.secret!)).not.toBe(200);
  await screenshot(page, "api-clients-04-disabled", info);
  await expectNoAxeViolations(page);
});

test("a pasted public key registers a client, a bad key is refused under its field, and a key is rotated", async ({ page }, info) => {
  const shell = await CaseworkerShell.login(page, "administrator");
  const clients = await shell.openApiClients();
  const name = `E2E statistikk ${unique()}`;

  // A key that is not one: the error under the field, nothing registered.
  await clients.fill({ name, scopes: ["statistics:read", "feed:read", "webhooks:manage"], key: "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----" });
  await clients.submit();
  await expect(clients.errorSummary).toBeVisible();
  await expect(clients.keyError).toHaveText(nb("clients-err-key"));
  await expect(clients.keyField).toHaveAttribute("aria-invalid", "true");
  await expect(clients.row(name)).toHaveCount(0);
  await expect(clients.nameField).toHaveValue(name);
  await screenshot(page, "api-clients-05-bad-key", info);
  await expectNoAxeViolations(page);

  // The JWK pasted: registered, no secret shown, the algorithm listed.
  await clients.keyField.fill(JSON.stringify(ED25519_JWK, null, 2));
  await clients.submit();
  await expect(clients.created).toContainText(nb("clients-created-done", { name }));
  await expect(clients.created.getByTestId("issued-client-secret")).toHaveCount(0);
  await expect(clients.keyError).toHaveCount(0);
  const row = clients.row(name);
  await expect(row).toContainText(`${nb("clients-kind-public-key-short")} (EdDSA)`);
  for (const scope of ["statistics:read", "feed:read", "webhooks:manage"]) await expect(row).toContainText(scope);
  await screenshot(page, "api-clients-06-public-key", info);
  await expectNoAxeViolations(page);

  // Rotation: a new secret beside the key, shown once; then the key revoked.
  const rotated = await clients.addSecret(name);
  expect(rotated.secret).toBeTruthy();
  await expect(row.locator('[data-testid="credential"][data-revoked="false"]')).toHaveCount(2);
  await screenshot(page, "api-clients-07-rotated", info);
  await expectNoAxeViolations(page);
  await clients.revoke(name, "public_key");
  await expect(row.locator('[data-testid="credential"][data-kind="public_key"]')).toHaveAttribute("data-revoked", "true");
  expect(await token(page.request, rotated.id, rotated.secret!)).toBe(200);

  // Scopes changed: the row lists the new ones only.
  await clients.changeScopes(name, ["registrations:read"]);
  await expect(row).toContainText("registrations:read");
  await expect(row).not.toContainText("statistics:read");
  await screenshot(page, "api-clients-08-scopes-changed", info);
  await expectNoAxeViolations(page);
});

test("a client needs a name and a scope, a PEM key is taken too, and the name must be free", async ({ page }) => {
  const shell = await CaseworkerShell.login(page, "administrator");
  const clients = await shell.openApiClients();
  await clients.submit();
  await expect(page.getByTestId("new-client-name-error")).toHaveText(nb("clients-err-name"));
  await expect(page.getByTestId("new-scopes-error")).toHaveText(nb("clients-err-scopes"));
  await expect(page.locator("#create-client-error")).toBeFocused();

  const name = `E2E dobbel ${unique()}`;
  await clients.create({ name, scopes: ["people:read"], key: ED25519_PEM });
  await expect(clients.row(name)).toContainText(`${nb("clients-kind-public-key-short")} (EdDSA)`);
  await clients.fill({ name, scopes: ["people:read"] });
  await clients.submit();
  await expect(page.getByTestId("new-client-name-error")).toHaveText(nb("clients-err-name-taken"));
});

test("only administrators see API clients", async ({ page }) => {
  const shell = await CaseworkerShell.login(page, "counsellor");
  await expect(shell.menu("api-clients")).toHaveCount(0);
  await page.goto("/caseworker/api-clients");
  await expect(page.getByTestId("clients-title")).toBeVisible();
  await expect(page.getByText(nb("error-forbidden"))).toBeVisible();
});

test("the administrator sees a client's webhooks, why one fails, and every attempt; a deleted one is gone", async ({ page, request }, info) => {
  const shell = await CaseworkerShell.login(page, "administrator");
  const clients = await shell.openApiClients();
  const name = `E2E hooks ${unique()}`;
  const issued = await clients.create({ name, scopes: ["people:write", "webhooks:manage"] });

  // The system registers two endpoints and deletes one; a person it
  // creates is an event. `.invalid` never resolves (RFC 6761), so each
  // attempt fails and the endpoint is failing.
  const tokenResponse = await request.post("/api/v1/oauth/token", {
    form: { grant_type: "client_credentials", client_id: issued.id, client_secret: issued.secret! },
  });
  expect(tokenResponse.status()).toBe(200);
  const headers = { authorization: `Bearer ${(await tokenResponse.json()).access_token}` };
  const register = async (url: string) => {
    const response = await request.post("/api/v1/webhooks", { headers, data: { url, types: ["person.created"] } });
    expect(response.status()).toBe(201);
    const body = await response.json();
    expect(body.secret).toMatch(/^whsec_/);
    return body.webhook.id as string;
  };
  const failing = await register("https://receiver.kartlegg-e2e.invalid/hooks");
  const deleted = await register("https://old.kartlegg-e2e.invalid/hooks");
  expect((await request.delete(`/api/v1/webhooks/${deleted}`, { headers })).status()).toBe(204);
  const duf = `2099${unique()}`;
  const put = await request.put(`/api/v1/people/${duf}`, {
    headers,
    data: { first_name: "Webhook", last_name: "Prøve", citizenships: ["ERI"] },
  });
  expect(put.status()).toBe(201);

  // The worker tries within seconds.
  await expect
    .poll(async () => {
      const list = await (await request.get(`/api/v1/webhooks/${failing}/deliveries`, { headers })).json();
      return list[0]?.attempts?.length ?? 0;
    })
    .toBeGreaterThan(0);

  const webhooks = await clients.openWebhooks(name);
  await expect(webhooks.rows).toHaveCount(1);
  // The words before the time (which the page formats itself).
  const before = (key: string, arg: string) => nb(key, { [arg]: "\u0000" }).split("\u0000")[0].replace(/[\u2068\u2069]/g, "").trim();
  await expect(webhooks.row(failing).getByTestId("webhook-state")).toContainText(before("webhooks-failing", "since"));
  await webhooks.showDeliveries(failing);
  await expect(webhooks.deliveries).toHaveCount(1);
  await expect(webhooks.deliveries.first()).toContainText(nb("event-person-created"));
  await expect(webhooks.deliveries.first()).toContainText(nb("webhooks-state-pending"));
  await expect(webhooks.deliveries.first().getByTestId("attempts")).toContainText(nb("webhooks-err-connect"));
  // A pending delivery is not sent again by hand; its next attempt is shown.
  await expect(webhooks.deliveries.first().getByTestId("send-again")).toHaveCount(0);
  await screenshot(page, "api-clients-webhooks", info);
  await expectNoAxeViolations(page);
});
