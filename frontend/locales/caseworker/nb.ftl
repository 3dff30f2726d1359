# Kartlegg saksbehandling — norsk bokmål (standardspråket for ansatte).
skip-to-content = Hopp til innholdet
loading = Laster …
language = Språk
cancel = Avbryt
save = Lagre
yes = Ja
no = Nei
menu = Hovedmeny
menu-start = Start
menu-people = Personer
menu-audit = Revisjonslogg
menu-accounts = Brukere
header-logged-in-as = Logget inn som
logout = Logg ut
not-found-title = Fant ikke siden
not-found-home = Gå til startsiden

## Feil
error-session = Økten din er avsluttet. Logg inn igjen.
error-forbidden = Du har ikke tilgang til dette.
error-not-found = Fant ikke det du ba om, eller du har ikke tilgang til det.
error-too-many = For mange forsøk. Vent litt og prøv igjen.
error-validation = Noe av det du skrev er ikke gyldig. Se feltene.
error-network = Fikk ikke kontakt med tjenesten. Sjekk nettverket og prøv igjen.
error-server = Noe gikk galt på serveren. Prøv igjen om litt.
err-empty-query = Skriv et navn, et DUF-nummer, et registreringsnummer, et fødselsnummer eller en fødselsdato.
err-query-too-long = Søketeksten er for lang.
err-number-length = Et nummer må være et DUF-nummer (12 sifre), et fødselsnummer (11) eller et registreringsnummer (6).
err-duf-number = DUF-nummeret må ha 12 sifre.
err-national-id = Fødselsnummeret må ha 11 sifre.
err-national-id-check-digits = Kontrollsifrene i fødselsnummeret stemmer ikke. Sjekk nummeret.
err-registration-number = Registreringsnummeret må ha 6 sifre.
err-date = Skriv datoen som dd.mm.åååå, for eksempel 03.11.1990.
err-name = Et navnesøk må ha minst én bokstav.
err-control-characters = Fjern kontrolltegnene (som tabulator eller linjeskift i et felt på én linje).
err-totp-required = Skriv koden fra autentiseringsappen.
err-totp-invalid = Koden fra autentiseringsappen stemmer ikke. Prøv den neste koden.
err-reason = Skriv en begrunnelse på minst 10 tegn.
err-remark-length = En merknad har 1 til 4000 tegn.
err-password-short = Passordet må ha minst 12 tegn.
err-password-common = Passordet er for vanlig. Velg et annet.
err-username-taken = Brukernavnet er allerede i bruk.
err-username = Brukernavnet kan ha 3–64 tegn: a–z, 0–9, punktum, bindestrek og understrek.
err-required = Fyll ut feltet.

## Innlogging
login-title = Logg inn i saksbehandlingen
login-intro = For ansatte i mottak, kommuner og direktorat.
login-username = Brukernavn
login-password = Passord
login-totp = Kode fra autentiseringsappen
login-totp-hint = 6 sifre. Brukeren din krever en ekstra innloggingskode.
login-submit = Logg inn
login-missing = Skriv brukernavn og passord.
login-failed = Brukernavnet eller passordet er feil, eller brukeren er deaktivert.

## Søk
search-label = Søk etter person
search-hint = Navn («etternavn, fornavn»), DUF-nummer, registreringsnummer, fødselsnummer eller fødselsdato (dd.mm.åååå). Trykk / for å søke.
search-button = Søk
search-title = Søkeresultat
search-nothing-yet = Bruk søkefeltet øverst på siden.
search-kind-duf = Søkte på DUF-nummer
search-kind-registration = Søkte på registreringsnummer
search-kind-national-id = Søkte på fødselsnummer
search-kind-born = Søkte på fødselsdato
search-kind-name = Søkte på navn
search-empty = Ingen i organisasjonen din passer med søket.
search-truncated = Det finnes flere treff enn vist. Gjør søket mer presist.
lookup-explain = Er personen fulgt opp av en annen organisasjon, kan du slå opp DUF-nummeret der. Oppslaget logges med begrunnelsen din.
lookup-button = Slå opp utenfor organisasjonen
lookup-title = Slå opp utenfor organisasjonen
lookup-warning = Oppslaget og begrunnelsen lagres i revisjonsloggen, og organisasjonen som følger opp personen, kan lese dem.
lookup-confirm = Slå opp
lookup-organisation = Følges opp av
lookup-closed = Personsiden er bare åpen for organisasjonen som følger personen opp.
reason-label = Begrunnelse
reason-hint = Minst 10 tegn. Hvorfor trenger du opplysningene?

## Lister og tabeller
people-count = { $count ->
    [one] 1 person
   *[other] { $count } personer
  }
events-count = { $count ->
    [one] 1 hendelse
   *[other] { $count } hendelser
  }
col-name = Navn
col-duf = DUF-nummer
col-born = Fødselsdato
col-state = Status
col-completed = Fullført
col-worklist = På arbeidslisten
col-actions = Handlinger
col-number = Nr.
col-status = Status
col-started = Startet
col-changed = Sist endret
col-when = Tidspunkt
col-who = Hvem
col-organisation = Organisasjon
col-action = Handling
col-fields = Opplysninger
col-reason = Begrunnelse
col-person = Person-ID
col-address = Adresse
col-request = Forespørsel
paging = Sider
page-previous = Forrige side
page-next = Neste side
page-of = Side { $page } av { $pages }
filters = Filter
filter-state = Status
filter-any = Alle
filter-created-from = Lagt til fra
filter-created-to = Lagt til til og med
filter-completed-from = Fullført fra
filter-completed-to = Fullført til og med
filter-worklist-only = Bare min arbeidsliste
filter-apply = Bruk filter
filter-from = Fra
filter-to = Til og med
filter-actor-id = Bruker-ID
filter-person-id = Person-ID
export-csv = Eksporter CSV

## Registreringsstatus
state-no-code = Ingen kode
state-code-issued = Kode utstedt
state-in-progress = Under arbeid
state-completed = Fullført
state-completed-new-in-progress = Fullført (ny registrering pågår)
state-declined = Takket nei

## Start
worklist-title = Min arbeidsliste
worklist-intro = Personene du følger opp, med status for registreringen.
worklist-empty = Arbeidslisten er tom. Søk opp en person og velg «Legg til i arbeidslisten».
worklist-add = Legg til i arbeidslisten
worklist-remove = Fjern fra arbeidslisten
worklist-added = { $name } er lagt til i arbeidslisten.
worklist-removed = { $name } er fjernet fra arbeidslisten.
start-no-people = Rollene dine gir ikke tilgang til personopplysninger.

## Personer
people-title = Personer

## Personsiden
person-title = Person
person-organisation = Organisasjon
person-sections = Deler av personsiden
section-registration = Registrering
section-identity = Identitet
section-codes = Koder
section-remarks = Merknader
section-access-log = Tilgangslogg
registration-none = Personen har ikke startet en registrering.
registration-history = Registreringer
registration-completed = Fullført
registration-draft = Under arbeid
answers-title = Svar i registrering { $number }
registration-open = Vis svarene i registrering { $number }
registration-shown = Vises
answers-beside = Vis ved siden av på
answers-question = Spørsmål
answers-answer = Svar
answers-none = Ingen svar i denne delen.
answers-provenance-completed = Oppgitt av personen selv, fullført { $time } (skjemaversjon { $version }).
answers-provenance-draft = Oppgitt av personen selv, ikke fullført, sist lagret { $time } (skjemaversjon { $version }).
identity-first-name = Fornavn
identity-last-name = Etternavn
identity-gender = Kjønn
identity-citizenships = Statsborgerskap
identity-registration-number = Registreringsnummer
identity-national-id = Fødselsnummer
gender-male = Mann
gender-female = Kvinne
code-none = Ingen kode er utstedt.
code-status = Status for siste kode
code-status-active = Aktiv
code-status-expired = Utløpt
code-status-used-up = Brukt
code-status-ended = Avsluttet
code-issued = Utstedt
code-expires = Utløper
code-ended = Avsluttet
code-wrong-tries = Feil forsøk
code-issue = Lag ny kode
code-issue-title = Lag ny innloggingskode?
code-issue-explain = Den nye koden vises bare én gang. En tidligere kode slutter å virke med en gang.
code-issue-confirm = Lag ny kode
code-new-title = Ny innloggingskode
code-new-expires = Gyldig til { $time }.
code-new-once = Gi koden til personen nå. Den kan ikke vises igjen.
code-new-done = Jeg har gitt koden videre
sessions-end = Avslutt søkerens økter
sessions-end-title = Avslutte søkerens økter?
sessions-end-explain = Søkeren logges ut med en gang på alle enheter. Koden virker fortsatt; hvis noen andre kan kjenne den, lag en ny kode også.
sessions-ended = Søkerens økter er avsluttet.
section-erase = Slett person
erase-explain = Sletting fjerner personens identitet, registreringer og svar, merknader, innloggingskoder, økter og arbeidslisteoppføringer med en gang og for godt. Anonym statistikk blir stående. Bruk det når personen ber om å bli slettet.
erase-button = Slett denne personen…
erase-title = Slette { $name } ({ $duf })?
erase-warning = Alt som er registrert om personen, slettes med en gang og kan ikke hentes tilbake. Systemer som leser endringsstrømmen, får beskjed om å slette sin kopi.
erase-reason-hint = Minst 10 tegn. Begrunnelsen blir stående i revisjonsloggen etter at personen er slettet: ikke skriv navn eller andre personopplysninger i den.
erase-confirm = Slett { $name }
erased-title = { $name } er slettet
erased-body = Personopplysningene er slettet. Systemer som leser endringsstrømmen, får beskjed om å slette sin kopi.
erased-back = Tilbake til personlisten
remarks-none = Ingen merknader.
remark-label = Ny merknad
remark-hint = Skriv bare det oppfølgingen trenger.
remark-add = Legg til merknad
remark-added = Merknaden er lagt til.
access-log-intro = Hvem som har lest eller endret opplysningene om personen.
access-log-empty = Ingen har lest opplysningene ennå.
access-log-table = Tabell over hvem som har lest opplysningene

## Revisjonslogg
audit-title = Revisjonslogg
audit-verify = Kontroller kjeden
audit-intact = Kjeden er hel: { $count } hendelser kontrollert.
audit-broken = Kjeden er brutt ved hendelse { $seq } ({ $count } hendelser kontrollert).
audit-truncated = De nyeste hendelsene mangler: kjeden slutter ved hendelse { $head }, under kontrollpunktet ved hendelse { $checkpoint }.
audit-checkpoint-invalid = Kontrollpunktfilen har en linje som ikke er signert av denne serveren.
action-login = Logget inn
action-logout = Logget ut
action-search = Søk
action-list = Liste
action-read-person = Leste personsiden
action-export = Eksport
action-outside-lookup = Oppslag utenfor organisasjonen
action-issue-code = Laget kode
action-add-remark = La til merknad
action-correct-identity = Rettet identitet
action-worklist-add = La til i arbeidsliste
action-worklist-remove = Fjernet fra arbeidsliste
action-account-created = Opprettet bruker
action-roles-changed = Endret roller
action-account-disabled = Deaktiverte bruker
action-end-sessions = Avsluttet søkerens økter
action-login-delay-cleared = Fjernet en innloggingsforsinkelse
action-read-access-log = Leste tilgangsloggen
action-identity-refused = Identitetsretting avvist (fødselsnummeret er i bruk)
action-api-client-created = Registrerte en API-klient
action-api-client-changed = Endret en API-klient
action-api-client-disabled = Deaktiverte en API-klient
action-person-created = Opprettet en person
action-read-registrations = Leste fullførte registreringer
action-erase-person = Slettet en person
action-erase-registration = Slettet en registrering (lagringstid)
action-research-extract = Laget det anonymiserte forskningsuttrekket

## Brukere
accounts-title = Brukere
accounts-count = { $count ->
    [one] 1 bruker
   *[other] { $count } brukere
  }
account-username = Brukernavn
account-username-hint = 3–64 tegn: a–z, 0–9, punktum, bindestrek og understrek.
account-display-name = Visningsnavn
account-password = Startpassord
account-password-hint = Minst 12 tegn, ikke et vanlig passord.
account-roles = Roller
account-totp = Totrinns
account-status = Status
account-created = Opprettet
account-active = Aktiv
account-disabled = Deaktivert
account-change-roles = Endre roller
account-roles-title = Roller for { $name }
account-roles-saved = Rollene til { $name } er lagret.
account-disable = Deaktiver
account-disable-title = Deaktivere { $name }?
account-disable-explain = Brukeren logges ut med en gang og kan ikke logge inn igjen.
account-disabled-done = { $name } er deaktivert.
account-clear-delay = Fjern innloggingsforsinkelse
account-clear-delay-title = Fjerne innloggingsforsinkelsen for { $name }?
account-clear-delay-explain = Etter mislykkede innlogginger må en bruker vente lenger og lenger mellom forsøkene, og etter 100 holdes den igjen. Fjern forsinkelsen når du har snakket med eieren av brukeren; da kan de prøve igjen med en gang.
account-delay-cleared = { $name } kan logge inn igjen med en gang.
account-create-title = Ny bruker
account-create = Opprett bruker
account-created-done = Brukeren { $name } er opprettet.
account-totp-setup = Sett opp totrinnsinnlogging nå
account-totp-secret = Legg inn denne hemmeligheten i en autentiseringsapp. Den vises bare én gang.
role-administrator = Administrator
role-reader = Leser
role-counsellor = Veileder
role-statistics = Statistikk
role-auditor = Revisor

## API clients (issue 13)
menu-api-clients = API-klienter
clients-title = API-klienter
clients-intro = Andre systemer, som et saksbehandlingssystem eller et statistikksystem, henter data fra Kartlegg med OAuth 2.0 (client credentials). Hver klient får bare de tilgangene du gir den.
clients-count = { $count ->
    [one] 1 klient
   *[other] { $count } klienter
  }
clients-name = Navn
clients-name-hint = Systemet klienten hører til, for eksempel «Saksbehandlingssystem». 1–100 tegn, ikke brukt av en annen klient.
clients-scopes = Tilganger
clients-credentials = Nøkler og hemmeligheter
clients-created = Registrert
clients-last-used = Sist brukt
clients-never-used = Aldri
clients-status = Status
clients-active = Aktiv
clients-disabled = Deaktivert
clients-kind-public-key-short = Offentlig nøkkel
clients-kind-secret-short = Klienthemmelighet
clients-cred-created = lagt til { $at }
clients-cred-revoked = trukket tilbake { $at }
clients-change-scopes = Endre tilganger
clients-add-credential = Ny nøkkel
clients-disable = Deaktiver
clients-revoke = Trekk tilbake
clients-scopes-title = Tilganger for { $name }
clients-scopes-saved = Tilgangene til { $name } er lagret.
clients-credential-title = Ny nøkkel eller hemmelighet for { $name }
clients-credential-explain = Den gamle virker til du trekker den tilbake, så systemet kan bytte uten avbrudd. Trekk den gamle tilbake når systemet bruker den nye.
clients-credential-add = Legg til
clients-credential-added = { $name } har fått en ny nøkkel eller hemmelighet. Trekk tilbake den gamle når systemet bruker den nye.
clients-credential-done = Ny nøkkel eller hemmelighet for { $name } er lagt til.
clients-revoke-title = Trekke tilbake en nøkkel for { $name }?
clients-revoke-explain = Systemet får ingen nye tokener med denne nøkkelen eller hemmeligheten.
clients-revoke-last = Dette er den eneste gyldige nøkkelen eller hemmeligheten til klienten. Uten den får klienten ingen tokener før du legger til en ny.
clients-revoked-done = En nøkkel eller hemmelighet for { $name } er trukket tilbake.
clients-disable-title = Deaktivere { $name }?
clients-disable-explain = Tokenene klienten har fått, slutter å virke med en gang, og den får ingen nye. En deaktivert klient kan ikke slås på igjen.
clients-disabled-done = { $name } er deaktivert.
clients-create-title = Ny API-klient
clients-create = Registrer klient
clients-credential = Slik logger systemet inn
clients-kind-public-key = Offentlig nøkkel (anbefalt): systemet signerer med sin private nøkkel
clients-kind-secret = Klienthemmelighet: for systemer som ikke kan signere
clients-key = Offentlig nøkkel
clients-key-hint = Lim inn nøkkelen som JWK (JSON) eller PEM (-----BEGIN PUBLIC KEY-----): RSA på minst 2048 biter, EC P-256 eller Ed25519. Aldri den private nøkkelen.
clients-created-done = API-klienten { $name } er registrert.
clients-id = Klient-ID
clients-secret = Klienthemmelighet
clients-secret-copy = Gå til feltet, merk alt (Ctrl+A, ⌘A på Mac) og kopier (Ctrl+C, ⌘C).
clients-secret-once = Kopier hemmeligheten nå og lagre den trygt i systemet som skal bruke den. Den vises ikke igjen.
clients-key-next = Systemet bruker klient-ID-en som iss og sub i JWT-en det signerer med sin private nøkkel.
clients-err-name = Gi klienten et navn på 1–100 tegn, på én linje.
clients-err-name-taken = Organisasjonen har allerede en klient med dette navnet.
clients-err-scopes = Velg minst én tilgang.
clients-err-key = Dette er ikke en offentlig nøkkel Kartlegg tar imot. Lim inn en JWK eller en PEM-blokk med RSA (minst 2048 biter), EC P-256 eller Ed25519.
scope-people-read = Lese personer
scope-people-write = Opprette og endre personer
scope-codes-issue = Utstede innloggingskoder
scope-registrations-read = Lese fullførte registreringer
scope-feed-read = Lese endringsstrømmen
scope-webhooks-manage = Administrere webhooks
scope-statistics-read = Lese anonymisert statistikk

## Webhooks for en API-klient
clients-webhooks = Webhooks
webhooks-back = ← API-klienter
webhooks-title = Webhooks
webhooks-intro = Systemet registrerer webhook-adressene sine selv. Her ser du om hver av dem virker, og hvert forsøk på å levere en hendelse dit. Kartlegg prøver igjen i tre døgn; en adresse som feiler i tre døgn, eller svarer 410, blir deaktivert.
webhooks-count = { $count ->
    [0] Ingen adresser
    [one] Én adresse
   *[other] { $count } adresser
}
webhooks-endpoints = Webhook-adresser
webhooks-url = Adresse
webhooks-types = Hendelser
webhooks-created = Registrert
webhooks-working = Virker
webhooks-failing = Feiler siden { $since }
webhooks-disabled-gone = Deaktivert { $at }: mottakeren svarte 410 Gone
webhooks-disabled-failing = Deaktivert { $at }: alle forsøk feilet i tre døgn
webhooks-disabled-removed = Deaktivert { $at }: API-klienten ble deaktivert
webhooks-show-deliveries = Vis leveranser
webhooks-deliveries = Siste leveranser til
webhooks-event = Hendelse
webhooks-state = Status
webhooks-attempts = Forsøk
webhooks-state-pending = Venter på neste forsøk
webhooks-state-delivered = Levert
webhooks-state-failed = Gitt opp etter tre døgn
webhooks-state-cancelled = Ikke sendt: adressen ble deaktivert
webhooks-next = neste forsøk { $at }
webhooks-answered = svarte { $status }
webhooks-duration = { $ms } ms
webhooks-err-timeout = Fikk ikke svar i tide
webhooks-err-connect = Fikk ikke kontakt
webhooks-err-refused = Avvist: ikke en offentlig adresse
webhooks-send-again = Send på nytt
webhooks-sent-again = Leveransen er satt i kø og sendes i løpet av sekunder.
event-registration-completed = Kartlegging fullført
event-registration-started = Ny kartlegging startet
event-person-created = Person opprettet
event-person-changed = Person endret
event-person-erased = Person slettet
