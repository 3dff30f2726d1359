# Kartlegg — English (the default and fallback language).
app-title = Kartlegg
app-purpose = Register what you can do and what you want, so that the people who advise you about training, education and work can help you.
skip-to-content = Skip to content
status-checking = Checking the service…
status-ready = The service is ready.
status-unavailable = The service is not available right now. Try again later.
not-found-title = Page not found
not-found-home = Go to the start page
