# Kartlegg back office — English.
skip-to-content = Skip to content
loading = Loading …
language = Language
cancel = Cancel
save = Save
yes = Yes
no = No
menu = Main menu
menu-start = Start
menu-people = People
menu-audit = Audit log
menu-accounts = Accounts
header-logged-in-as = Logged in as
logout = Log out
not-found-title = Page not found
not-found-home = Go to the start page

## Errors
error-session = Your session has ended. Log in again.
error-forbidden = You do not have access to this.
error-not-found = Not found, or you do not have access to it.
error-too-many = Too many attempts. Wait a little and try again.
error-validation = Some of what you typed is not valid. See the fields.
error-network = Could not reach the service. Check the network and try again.
error-server = Something went wrong on the server. Try again in a moment.
err-empty-query = Type a name, a DUF-number, a registration number, a national identity number or a date of birth.
err-query-too-long = The search text is too long.
err-number-length = A number must be a DUF-number (12 digits), a national identity number (11) or a registration number (6).
err-duf-number = A DUF-number has 12 digits.
err-national-id = A national identity number has 11 digits.
err-national-id-check-digits = The check digits of the national identity number do not match. Check the number.
err-registration-number = A registration number has 6 digits.
err-date = Write the date as dd.mm.yyyy, for example 03.11.1990.
err-name = A name search needs at least one letter.
err-control-characters = Remove the control characters (such as tabs or line breaks in a one-line field).
err-totp-required = Type the code from your authenticator app.
err-totp-invalid = The code from the authenticator app does not match. Try the next code.
err-reason = Write a reason of at least 10 characters.
err-remark-length = A remark has 1 to 4000 characters.
err-password-short = The password needs at least 12 characters.
err-password-common = This password is too common. Choose another.
err-username-taken = This username is taken.
err-username = A username has 3–64 characters: a–z, 0–9, full stop, hyphen and underscore.
err-required = Fill in this field.

## Login
login-title = Log in to the back office
login-intro = For staff at reception centres, municipalities and the directorate.
login-username = Username
login-password = Password
login-totp = Code from the authenticator app
login-totp-hint = 6 digits. Your account needs a second login code.
login-submit = Log in
login-missing = Type your username and password.
login-failed = The username or password is wrong, or the account is disabled.

## Search
search-label = Search for a person
search-hint = Name ("surname, first name"), DUF-number, registration number, national identity number or date of birth (dd.mm.yyyy). Press / to search.
search-button = Search
search-title = Search results
search-nothing-yet = Use the search box at the top of the page.
search-kind-duf = Searched by DUF-number
search-kind-registration = Searched by registration number
search-kind-national-id = Searched by national identity number
search-kind-born = Searched by date of birth
search-kind-name = Searched by name
search-empty = No one in your organisation matches the search.
search-truncated = There are more matches than shown. Narrow the search.
lookup-explain = If another organisation follows the person up, you can look the DUF-number up there. The lookup is logged with your reason.
lookup-button = Look up outside the organisation
lookup-title = Look up outside the organisation
lookup-warning = The lookup and your reason are kept in the audit log, which the organisation that follows the person up can read.
lookup-confirm = Look up
lookup-organisation = Followed up by
lookup-closed = The person page is open only to the organisation that follows the person up.
reason-label = Reason
reason-hint = At least 10 characters. Why do you need the information?

## Lists and tables
people-count = { $count ->
    [one] 1 person
   *[other] { $count } people
  }
events-count = { $count ->
    [one] 1 event
   *[other] { $count } events
  }
col-name = Name
col-duf = DUF-number
col-born = Date of birth
col-state = State
col-completed = Completed
col-worklist = On worklist
col-actions = Actions
col-number = No.
col-status = Status
col-started = Started
col-changed = Last changed
col-when = When
col-who = Who
col-organisation = Organisation
col-action = Action
col-fields = Data
col-reason = Reason
col-person = Person id
col-address = Address
col-request = Request
paging = Pages
page-previous = Previous page
page-next = Next page
page-of = Page { $page } of { $pages }
filters = Filters
filter-state = State
filter-any = Any
filter-created-from = Added from
filter-created-to = Added up to
filter-completed-from = Completed from
filter-completed-to = Completed up to
filter-worklist-only = My worklist only
filter-apply = Apply filters
filter-from = From
filter-to = Up to
filter-actor-id = Account id
filter-person-id = Person id
export-csv = Export CSV

## Registration states
state-no-code = No code
state-code-issued = Code issued
state-in-progress = In progress
state-completed = Completed
state-completed-new-in-progress = Completed (new registration in progress)
state-declined = Declined

## Start
worklist-title = My worklist
worklist-intro = The people you follow up, with the state of their registration.
worklist-empty = Your worklist is empty. Search for a person and choose "Add to my worklist".
worklist-add = Add to my worklist
worklist-remove = Remove from my worklist
worklist-added = { $name } is on your worklist.
worklist-removed = { $name } is off your worklist.
start-no-people = Your roles give no access to personal data.

## People
people-title = People

## Person page
person-title = Person
person-organisation = Organisation
person-sections = Parts of the person page
section-registration = Registration
section-identity = Identity
section-codes = Codes
section-remarks = Remarks
section-access-log = Access log
registration-none = The person has not started a registration.
registration-history = Registrations
registration-completed = Completed
registration-draft = In progress
answers-title = Answers in registration { $number }
registration-open = Show the answers in registration { $number }
registration-shown = Shown
answers-beside = Show beside in
answers-question = Question
answers-answer = Answer
answers-none = No answers in this part.
answers-provenance-completed = Given by the person, completed { $time } (questionnaire version { $version }).
answers-provenance-draft = Given by the person, not completed, last saved { $time } (questionnaire version { $version }).
identity-first-name = First name
identity-last-name = Surname
identity-gender = Gender
identity-citizenships = Citizenships
identity-registration-number = Registration number
identity-national-id = National identity number
gender-male = Male
gender-female = Female
code-none = No code has been issued.
code-status = State of the latest code
code-status-active = Active
code-status-expired = Expired
code-status-used-up = Used
code-status-ended = Ended
code-issued = Issued
code-expires = Expires
code-ended = Ended
code-wrong-tries = Wrong tries
code-issue = Issue a new code
code-issue-title = Issue a new login code?
code-issue-explain = The new code is shown only once. Any earlier code stops working at once.
code-issue-confirm = Issue the code
code-new-title = New login code
code-new-expires = Valid until { $time }.
code-new-once = Give the code to the person now. It cannot be shown again.
code-new-done = I have passed the code on
sessions-end = End the applicant's sessions
sessions-end-title = End the applicant's sessions?
sessions-end-explain = Every device where the applicant is logged in is logged out at once. The code still works; if someone else may know it, issue a new code as well.
sessions-ended = The applicant's sessions have ended.
section-erase = Erase person
erase-explain = Erasing deletes this person's identity, registrations and answers, remarks, login codes, sessions and worklist entries at once and for good. Anonymous statistics stay. Use it when the person asks to be erased.
erase-button = Erase this person…
erase-title = Erase { $name } ({ $duf })?
erase-warning = Everything registered about this person is deleted at once and cannot be brought back. Systems that read the change feed are told to delete their copy.
erase-reason-hint = At least 10 characters. The reason stays in the audit log after the person is gone: do not write names or other personal data in it.
erase-confirm = Erase { $name }
erased-title = { $name } is erased
erased-body = Their personal data is deleted. Systems that read the change feed are told to delete their copy.
erased-back = Back to the people list
remarks-none = No remarks.
remark-label = New remark
remark-hint = Write only what the follow-up needs.
remark-add = Add remark
remark-added = The remark is added.
access-log-intro = Who has read or changed this person's data.
access-log-empty = No one has read the data yet.
access-log-table = Table of who has read the data

## Audit log
audit-title = Audit log
audit-verify = Verify the chain
audit-intact = The chain is intact: { $count } events checked.
audit-broken = The chain breaks at event { $seq } ({ $count } events checked).
audit-truncated = The newest events are missing: the chain ends at event { $head }, below the checkpoint at event { $checkpoint }.
audit-checkpoint-invalid = The checkpoint file holds a line this server did not sign.
action-login = Logged in
action-logout = Logged out
action-search = Search
action-list = List
action-read-person = Read the person page
action-export = Export
action-outside-lookup = Lookup outside the organisation
action-issue-code = Issued a code
action-add-remark = Added a remark
action-correct-identity = Corrected identity
action-worklist-add = Added to a worklist
action-worklist-remove = Removed from a worklist
action-account-created = Created an account
action-roles-changed = Changed roles
action-account-disabled = Disabled an account
action-end-sessions = Ended the applicant's sessions
action-login-delay-cleared = Cleared a login delay
action-read-access-log = Read the access log
action-identity-refused = Identity correction refused (national ID number in use)
action-api-client-created = Registered an API client
action-api-client-changed = Changed an API client
action-api-client-disabled = Disabled an API client
action-person-created = Created a person
action-read-registrations = Read completed registrations
action-erase-person = Erased a person
action-erase-registration = Erased a registration (retention)
action-research-extract = Made the anonymised research extract

## Accounts
accounts-title = Accounts
accounts-count = { $count ->
    [one] 1 account
   *[other] { $count } accounts
  }
account-username = Username
account-username-hint = 3–64 characters: a–z, 0–9, full stop, hyphen and underscore.
account-display-name = Display name
account-password = Initial password
account-password-hint = At least 12 characters, not a common password.
account-roles = Roles
account-totp = Second factor
account-status = Status
account-created = Created
account-active = Active
account-disabled = Disabled
account-change-roles = Change roles
account-roles-title = Roles of { $name }
account-roles-saved = The roles of { $name } are saved.
account-disable = Disable
account-disable-title = Disable { $name }?
account-disable-explain = The account is logged out at once and cannot log in again.
account-disabled-done = { $name } is disabled.
account-clear-delay = Clear login delay
account-clear-delay-title = Clear the login delay for { $name }?
account-clear-delay-explain = After failed logins an account must wait longer and longer between tries, and after 100 it is held. Clear it when you have spoken to the account's owner; they can try again at once.
account-delay-cleared = { $name } can log in again at once.
account-create-title = New account
account-create = Create account
account-created-done = The account { $name } is created.
account-totp-setup = Set up a second factor now
account-totp-secret = Enter this secret in an authenticator app. It is shown only once.
role-administrator = Administrator
role-reader = Reader
role-counsellor = Counsellor
role-statistics = Statistics
role-auditor = Auditor

## API clients (issue 13)
menu-api-clients = API clients
clients-title = API clients
clients-intro = Other systems, such as a case management system or a statistics system, get data from Kartlegg with OAuth 2.0 (client credentials). Each client gets only the scopes you give it.
clients-count = { $count ->
    [one] 1 client
   *[other] { $count } clients
  }
clients-name = Name
clients-name-hint = The system the client belongs to, for example “Case management”. 1–100 characters, not used by another client.
clients-scopes = Scopes
clients-credentials = Keys and secrets
clients-created = Registered
clients-last-used = Last used
clients-never-used = Never
clients-status = Status
clients-active = Active
clients-disabled = Disabled
clients-kind-public-key-short = Public key
clients-kind-secret-short = Client secret
clients-cred-created = added { $at }
clients-cred-revoked = revoked { $at }
clients-change-scopes = Change scopes
clients-add-credential = New key
clients-disable = Disable
clients-revoke = Revoke
clients-scopes-title = Scopes of { $name }
clients-scopes-saved = The scopes of { $name } are saved.
clients-credential-title = New key or secret for { $name }
clients-credential-explain = The old one keeps working until you revoke it, so the system can switch without interruption. Revoke the old one once the system uses the new one.
clients-credential-add = Add
clients-credential-added = { $name } has a new key or secret. Revoke the old one once the system uses the new one.
clients-credential-done = A new key or secret for { $name } is added.
clients-revoke-title = Revoke a key of { $name }?
clients-revoke-explain = The system gets no new tokens with this key or secret.
clients-revoke-last = This is the client's only valid key or secret. Without it the client gets no tokens until you add a new one.
clients-revoked-done = A key or secret of { $name } is revoked.
clients-disable-title = Disable { $name }?
clients-disable-explain = The client's tokens stop working at once, and it gets no new ones. A disabled client cannot be enabled again.
clients-disabled-done = { $name } is disabled.
clients-create-title = New API client
clients-create = Register client
clients-credential = How the system logs in
clients-kind-public-key = Public key (recommended): the system signs with its private key
clients-kind-secret = Client secret: for systems that cannot sign
clients-key = Public key
clients-key-hint = Paste the key as a JWK (JSON) or PEM (-----BEGIN PUBLIC KEY-----): RSA of at least 2048 bits, EC P-256 or Ed25519. Never the private key.
clients-created-done = The API client { $name } is registered.
clients-id = Client ID
clients-secret = Client secret
clients-secret-copy = Go to the field, select all (Ctrl+A, ⌘A on a Mac) and copy (Ctrl+C, ⌘C).
clients-secret-once = Copy the secret now and store it safely in the system that will use it. It will not be shown again.
clients-key-next = The system uses the client ID as iss and sub in the JWT it signs with its private key.
clients-err-name = Give the client a name of 1–100 characters, on one line.
clients-err-name-taken = The organisation already has a client with this name.
clients-err-scopes = Choose at least one scope.
clients-err-key = This is not a public key Kartlegg accepts. Paste a JWK or a PEM block with RSA (at least 2048 bits), EC P-256 or Ed25519.
scope-people-read = Read people
scope-people-write = Create and change people
scope-codes-issue = Issue login codes
scope-registrations-read = Read completed registrations
scope-feed-read = Read the change feed
scope-webhooks-manage = Manage webhooks
scope-statistics-read = Read anonymised statistics

## An API client's webhooks
clients-webhooks = Webhooks
webhooks-back = ← API clients
webhooks-title = Webhooks
webhooks-intro = The system registers its webhook endpoints itself. Here you see whether each one works, and every attempt to deliver an event to it. Kartlegg tries again for three days; an endpoint that fails for three days, or answers 410, is disabled.
webhooks-count = { $count ->
    [0] No endpoints
    [one] One endpoint
   *[other] { $count } endpoints
}
webhooks-endpoints = Webhook endpoints
webhooks-url = Address
webhooks-types = Events
webhooks-created = Registered
webhooks-working = Works
webhooks-failing = Failing since { $since }
webhooks-disabled-gone = Disabled { $at }: the receiver answered 410 Gone
webhooks-disabled-failing = Disabled { $at }: every attempt failed for three days
webhooks-disabled-removed = Disabled { $at }: the API client was disabled
webhooks-show-deliveries = Show deliveries
webhooks-deliveries = Latest deliveries to
webhooks-event = Event
webhooks-state = State
webhooks-attempts = Attempts
webhooks-state-pending = Waiting for the next attempt
webhooks-state-delivered = Delivered
webhooks-state-failed = Given up after three days
webhooks-state-cancelled = Not sent: the endpoint was disabled
webhooks-next = next attempt { $at }
webhooks-answered = answered { $status }
webhooks-duration = { $ms } ms
webhooks-err-timeout = No answer in time
webhooks-err-connect = Could not connect
webhooks-err-refused = Refused: not a public address
webhooks-send-again = Send again
webhooks-sent-again = The delivery is queued and will be sent within seconds.
event-registration-completed = Registration completed
event-registration-started = New registration started
event-person-created = Person created
event-person-changed = Person changed
event-person-erased = Person erased
