# Kartlegg — norsk bokmål.
app-title = Kartlegg
app-purpose = Registrer hva du kan og hva du ønsker, slik at de som gir deg råd om opplæring, utdanning og arbeid, kan hjelpe deg.
skip-to-content = Hopp til innholdet
status-checking = Sjekker tjenesten …
status-ready = Tjenesten er klar.
status-unavailable = Tjenesten er ikke tilgjengelig akkurat nå. Prøv igjen senere.
not-found-title = Fant ikke siden
not-found-home = Gå til startsiden
