# Kartlegg — norsk bokmål.
app-title = Registrer kompetansen din
skip-to-content = Hopp til innholdet
loading = Laster …
back = Tilbake
next = Neste
language-switch = Språk
language-choose = Velg språket du vil bruke.

## Informasjon før innlogging
info-title = Slik registrerer du deg
info-why = Offentlige etater som gir råd om opplæring, utdanning og arbeid, trenger å vite hva du kan. Da kan de hjelpe deg å lage en plan.
info-topic-languages = hvilke språk du snakker
info-topic-school = skolegangen din
info-topic-work = arbeidserfaringen din
info-topic-activities = hvilke aktiviteter du er vant til å gjøre
info-topic-wishes = interessene dine og ønskene dine for utdanning og arbeid
info-even-if = Registrer deg selv om du ikke har gått på skole eller hatt jobb.
info-how = Du trenger DUF-nummeret ditt og en kode. Koden får du av de ansatte på mottaket.
info-time = Det tar omtrent 30 minutter. Du kan ta en pause og komme tilbake så lenge koden er gyldig.
info-rights = Du har rett til å se hva som er registrert om deg, og til å få rettet feil.

## Innlogging
login-title = Logg inn i skjemaet
login-intro = Skriv DUF-nummeret ditt og koden du fikk av de ansatte.
login-duf = DUF-nummer
login-duf-hint = 12 sifre. Du finner det på papirene fra utlendingsmyndighetene.
login-code = Koden din
login-code-hint = 8 sifre, for eksempel 1234 5678.
login-submit = Logg inn i skjemaet
login-duf-invalid = Skriv DUF-nummeret med 12 sifre.
login-code-invalid = Skriv koden med 8 sifre.
login-failed = DUF-nummeret eller koden er ikke riktig, eller koden er ikke lenger gyldig. Sjekk og prøv igjen, eller be de ansatte om en ny kode.
login-too-many = For mange forsøk. Prøv igjen om { $minutes ->
    [one] 1 minutt
   *[other] { $minutes } minutter
  }.

## Samtykke
consent-title = Samtykke
consent-purpose = Opplysningene du registrerer, brukes til å gi deg råd og tilbud om opplæring, utdanning og arbeid.
consent-who = Bare de som gir deg råd på mottaket, i kommunen og i IMDi, kan se dem.
consent-not-asylum = De brukes ikke når søknaden din om beskyttelse (asyl) behandles.
consent-rights = Du har rett til å se hva som er registrert om deg, og til å få det rettet eller slettet. Spør de ansatte, eller skriv til IMDi.
consent-storage = Opplysningene slettes når de ikke lenger trengs.
consent-decline = Jeg samtykker ikke
consent-accept = Jeg samtykker og vil registrere meg
declined-title = Du samtykket ikke
declined-text = Det er ikke lagret noe mer om deg enn at du ikke samtykket. Du er logget ut. Hvis du ombestemmer deg, kan du be de ansatte om en ny kode.
declined-start-again = Gå til startsiden


## Side-by-side translation and reading aloud
translate-open = Oversett skjemaet
translate-choose = Vis en oversettelse til
translate-none = Velg et språk
translate-hide = Skjul oversettelsen
read-aloud = Les høyt
read-aloud-stop = Stopp opplesingen

## Skjemaet
overview-title = Registreringen din
overview-intro = Registreringen har sju deler. Velg en del, eller begynn med den første.
overview-link = Se alle delene
overview-to-summary = Gå til oppsummeringen
progress-not-started = Ikke startet
progress-in-progress = Påbegynt
progress-done = Ferdig
part-of = Del { $number } av { $total }
status-not-answered = Ikke besvart
status-missing = Svar mangler
status-answered = Besvart
answer-missing-choice = Velg ett av alternativene.
answer-missing-text = Skriv et svar.
answer-error-required = Svar på dette spørsmålet.
answer-error-not_an_option = Velg ett av alternativene.
answer-error-too_long = Svaret er for langt.
answer-error-too_few = Velg flere alternativer.
answer-error-too_many = Velg færre alternativer.
answer-error-unknown_question = Dette spørsmålet finnes ikke i skjemaet.
answer-error-wrong_type = Svaret har feil form.
error-summary-title = Noen svar mangler
list-search = Søk i listen
list-choose = Velg
group-add = Legg til en til
group-entry = Nummer { $number }
group-remove = Fjern
group-removed = Fjernet.
group-undo = Angre
save-saving = Lagrer …
save-saved = Lagret
save-pending = Ikke lagret ennå – prøver igjen
save-invalid = Noen svar kunne ikke lagres. Se meldingene nedenfor.
save-conflict = Svarene dine ble endret i et annet vindu. Vi har hentet de nyeste svarene.

## Oppsummering og fullføring
summary-title = Sjekk svarene dine
summary-edit = Endre
summary-next = Når du fullfører registreringen, kan de som gir deg råd, se den. Du kan ikke endre den etterpå, men du kan fylle ut skjemaet på nytt.
summary-complete = Fullfør registreringen
summary-missing = Noen svar som må fylles ut, mangler. Gå tilbake til delene og svar på dem.
done-title = Registreringen din er fullført
done-text = Takk. De som gir deg råd om opplæring, utdanning og arbeid, kan nå se det du registrerte.
done-fill-again = Fyll ut skjemaet på nytt
logout = Logg ut

## Mine opplysninger
my-data-title = Opplysningene dine
my-data-intro = Dette er alt Kartlegg har om deg.
my-data-person = Om deg
my-data-name = Navn
my-data-organisation = Følges opp av
my-data-consents = Samtykker
my-data-registrations = Registreringer
my-data-completed = Fullført
my-data-draft = Ikke fullført
my-data-download = Last ned som fil
nav-label = Kontoen din
nav-my-data = Mine data
my-data-download-html = Last ned som en side du kan lese
my-data-no-answers = Ingen svar ennå.
my-data-consent-accept = Du samtykket
my-data-consent-decline = Du samtykket ikke

## Feil og andre sider
error-network = Vi fikk ikke kontakt med tjenesten. Sjekk internettforbindelsen og prøv igjen.
error-unexpected = Noe gikk galt. Prøv igjen, eller be de ansatte om hjelp.
status-title = Status for tjenesten
status-checking = Sjekker tjenesten …
status-ready = Tjenesten er klar.
status-unavailable = Tjenesten er ikke tilgjengelig akkurat nå. Prøv igjen senere.
not-found-title = Fant ikke siden
not-found-home = Gå til startsiden

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
answer-error-not_a_number = Skriv et tall med bare sifre.
answer-error-too_small = Tallet er for lite. Skriv et tall fra { $min } til { $max }.
answer-error-too_large = Tallet er for stort. Skriv et tall fra { $min } til { $max }.
answer-error-other = Sjekk dette svaret.
error-summary-attention = Noen svar må sjekkes
number-range = Et tall fra { $min } til { $max }
year-range = Et årstall fra { $min } til { $max }
group-missing = Legg til minst én.
save-conflict-same-part = Du endret også denne delen i et annet vindu. Hvilke svar vil du beholde?
save-conflict-keep-mine = Behold svarene på denne siden
save-conflict-take-theirs = Bruk svarene fra det andre vinduet
summary-part-missing = Noen svar mangler i denne delen:
overview-start = Begynn
overview-continue = Fortsett
done-fill-again-confirm = Du får en kopi av svarene dine som du kan endre. De som gir deg råd, ser den fullførte registreringen din til du fullfører den nye.
done-fill-again-yes = Ja, fyll ut skjemaet på nytt
done-fill-again-cancel = Nei, la den være som den er
error-session-ended = Du er logget ut. Logg inn igjen med en ny kode.
together-banner = Registrering sammen med en veileder
together-end = Avslutt og gå tilbake
