# Kartlegg — Oromo (om). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.
# draft
app-title = Gahumsa keessan galmeessaa
# draft
skip-to-content = Gara qabiyyeetti darbaa
# draft
loading = Fe'amaa jira…
# draft
back = Duubatti
# draft
next = Itti aanu
# draft
language-switch = Afaan
# draft
language-choose = Afaan itti fayyadamuu barbaaddan filadhaa.

## Information before login
# draft
info-title = Akkaataa itti galmaa'an
# draft
info-why = Dhaabbileen mootummaa kanneen waa'ee leenjii, barnootaa fi hojii gorsa kennan waan isin gochuu dandeessan beekuu qabu. Achiis akka karoora baaftan isin gargaaruu danda'u.
# draft
info-topic-languages = afaanota isin dubbattan
# draft
info-topic-school = barnoota mana barumsaa keessanii
# draft
info-topic-work = muuxannoo hojii keessanii
# draft
info-topic-activities = hojiiwwan hojjechuu bartan
# draft
info-topic-wishes = fedhii fi hawwii keessan kan barnootaa fi hojii
# draft
info-even-if = Mana barumsaa deemuu baattanis ykn hojii hojjechuu baattanis galmaa'aa.
# draft
info-how = Lakkoofsa DUF keessanii fi koodii isin barbaachisa. Koodii kana hojjettoota buufata simannaa keessanii irraa argattu.
# draft
info-time = Daqiiqaa 30 naannoo fudhata. Yeroo koodiin keessan hojjetutti boqottanii deebi'uu dandeessu.
# draft
info-rights = Odeeffannoo waa'ee keessan galmaa'e ilaaluu fi odeeffannoon dogoggoraa akka sirraa'u gochuuf mirga qabdu.

## Login
# draft
login-title = Gara unkaatti seenaa
# draft
login-intro = Lakkoofsa DUF keessanii fi koodii hojjettoota irraa argattan barreessaa.
# draft
login-duf = Lakkoofsa DUF
# draft
login-duf-hint = Dijiitii 12. Waraqaalee abbaa taayitaa godaansaa (immigreeshinii) irraa argattan irratti argattu.
# draft
login-code = Koodii keessan
# draft
login-code-hint = Dijiitii 8, fakkeenyaaf 1234 5678.
# draft
login-submit = Gara unkaatti seenaa
# draft
login-duf-invalid = Lakkoofsa DUF dijiitii 12 barreessaa.
# draft
login-code-invalid = Koodii dijiitii 8 barreessaa.
# draft
login-failed = Lakkoofsi DUF ykn koodiin sirrii miti, ykn yeroon koodii sanaa darbeera. Isaan ilaalaatii irra deebi'aa yaalaa, ykn hojjettoota koodii haaraa gaafadhaa.
# draft
login-too-many = Yaaliin baay'ateera. { $minutes ->
    [one] Daqiiqaa { $minutes }
   *[other] Daqiiqaa { $minutes }
  } booda irra deebi'aa yaalaa.

## Consent
# draft
consent-title = Eeyyama
# draft
consent-purpose = Odeeffannoon isin galmeessitan waa'ee leenjii, barnootaa fi hojii gorsaa fi carraa isiniif kennuuf oola.
# draft
consent-who = Namoota buufata simannaa, bulchiinsa naannoo (kommuunii) fi IMDi keessatti isin gorsan qofatu arguu danda'a.
# draft
consent-not-asylum = Yeroo iyyannoon eegumsaa (koolu-galtummaa) keessanii ilaalamu itti hin fayyadamamu.
# draft
consent-rights = Odeeffannoo waa'ee keessan galmaa'e ilaaluu, akka sirraa'u ykn akka haqamu gochuuf mirga qabdu. Hojjettoota gaafadhaa, ykn IMDi'f barreessaa.
# draft
consent-storage = Odeeffannoon kun yeroo hin barbaachifne haqama.
# draft
consent-decline = Hin eeyyamu
# draft
consent-accept = Nan eeyyama, galmaa'uus nan barbaada
# draft
declined-title = Isin hin eeyyamne
# draft
declined-text = Waa'ee keessan kan kuufame akka isin hin eeyyamne qofa. Sirna keessaa baatanittu. Yoo yaada jijjiirattan, hojjettoota koodii haaraa gaafadhaa.
# draft
declined-start-again = Gara fuula jalqabaatti deemaa

## The form
# draft
overview-title = Galmee keessan
# draft
overview-intro = Galmeen kutaa torba qaba. Kutaa tokko filadhaa, ykn isa jalqabaatiin jalqabaa.
# draft
overview-link = Kutaalee hunda ilaalaa
# draft
overview-to-summary = Gara cuunfaatti deemaa
# draft
progress-not-started = Hin jalqabamne
# draft
progress-in-progress = Hojii irra jira
# draft
progress-done = Xumurameera
# draft
part-of = Kutaa { $number } ({ $total } keessaa)
# draft
status-not-answered = Hin deebifamne
# draft
status-missing = Deebiin hin jiru
# draft
status-answered = Deebifameera
# draft
answer-missing-choice = Filannoowwan keessaa tokko filadhaa.
# draft
answer-missing-text = Deebii barreessaa.
# draft
answer-error-required = Gaaffii kana deebisaa.
# draft
answer-error-not_an_option = Filannoowwan keessaa tokko filadhaa.
# draft
answer-error-too_long = Deebiin kun baay'ee dheeraa dha.
# draft
answer-error-too_few = Filannoo dabalataa filadhaa.
# draft
answer-error-too_many = Filannoo xiqqaa filadhaa.
# draft
answer-error-unknown_question = Gaaffiin kun unka keessa hin jiru.
# draft
answer-error-wrong_type = Deebiin kun gosa sirrii miti.
# draft
error-summary-title = Deebiiwwan tokko tokko hin jiran
# draft
list-search = Tarree keessa barbaadaa
# draft
list-choose = Filadhaa
# draft
group-add = Kan biraa dabalaa
# draft
group-entry = Lakk. { $number }
# draft
group-remove = Haqaa
# draft
group-removed = Haqameera.
# draft
group-undo = Deebisaa
# draft
save-saving = Olkaa'amaa jira…
# draft
save-saved = Olkaa'ameera
# draft
save-pending = Ammallee hin olkaa'amne — irra deebi'ee ni yaalama
# draft
save-invalid = Deebiiwwan tokko tokko olkaa'amuu hin dandeenye. Ergaawwan armaan gadii ilaalaa.
# draft
save-conflict = Deebiiwwan keessan foddaa biraa keessatti jijjiiramaniiru. Deebiiwwan haaraa fe'neerra.

## Side-by-side translation and reading aloud
# draft
translate-open = Unka hiikaa
# draft
translate-choose = Hiikkaa afaan kanaan agarsiisaa
# draft
translate-none = Afaan filadhaa
# draft
translate-hide = Hiikkaa dhoksaa
# draft
read-aloud = Sagaleen dubbisaa
# draft
read-aloud-stop = Dubbisuu dhaabaa

## Summary and completion
# draft
summary-title = Deebiiwwan keessan ilaalaa
# draft
summary-edit = Sirreessaa
# draft
summary-next = Yeroo galmee xumurtan, namoonni isin gorsan arguu danda'u. Booda jijjiiruu hin dandeessan, garuu unka irra deebi'anii guutuu dandeessu.
# draft
summary-complete = Galmee xumuraa
# draft
summary-missing = Deebiiwwan barbaachisoo tokko tokko hin jiran. Gara kutaaleetti deebi'aatii deebisaa.
# draft
done-title = Galmeen keessan xumurameera
# draft
done-text = Galatoomaa. Namoonni waa'ee leenjii, barnootaa fi hojii isin gorsan amma waan isin galmeessitan arguu danda'u.
# draft
done-fill-again = Unka irra deebi'aa guutaa
# draft
logout = Keessaa ba'aa

## My data
# draft
my-data-title = Odeeffannoo keessan
# draft
my-data-intro = Kun waan Kartlegg waa'ee keessan qabu hunda.
# draft
my-data-person = Waa'ee keessan
# draft
my-data-name = Maqaa
# draft
my-data-organisation = Kan isin hordofu
# draft
my-data-consents = Eeyyamoota
# draft
my-data-registrations = Galmeewwan
# draft
my-data-completed = Xumurame
# draft
my-data-draft = Hin xumuramne
# draft
my-data-download = Akka faayiliitti buufadhaa
nav-label = Herrega keessan
nav-my-data = Odeeffannoo koo
my-data-download-html = Akka fuula dubbifamuutti buufadhaa
my-data-no-answers = Ammaaf deebiin hin jiru.
my-data-consent-accept = Eeyyamtaniittu
my-data-consent-decline = Hin eeyyamne

## Errors and other pages
# draft
error-network = Tajaajila kana argachuu hin dandeenye. Walqunnamtii interneetii keessanii ilaalaatii irra deebi'aa yaalaa.
# draft
error-unexpected = Wanti tokko dogoggoreera. Irra deebi'aa yaalaa, ykn hojjettoota gargaarsa gaafadhaa.
# draft
status-title = Haala tajaajilaa
# draft
status-checking = Tajaajilli ilaalamaa jira…
# draft
status-ready = Tajaajilli qophaa'eera.
# draft
status-unavailable = Tajaajilli amma hin jiru. Booda irra deebi'aa yaalaa.
# draft
not-found-title = Fuulli hin argamne
# draft
not-found-home = Gara fuula jalqabaatti deemaa

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = Lakkoofsa dijiitii qofaan barreessaa.
# draft
answer-error-too_small = Lakkoofsi kun baay'ee xiqqaa dha. Lakkoofsa { $min } hanga { $max } barreessaa.
# draft
answer-error-too_large = Lakkoofsi kun baay'ee guddaa dha. Lakkoofsa { $min } hanga { $max } barreessaa.
# draft
answer-error-other = Deebii kana ilaalaa.
# draft
error-summary-attention = Deebiiwwan tokko tokko ilaalamuu qabu
# draft
number-range = Lakkoofsa { $min } hanga { $max }
# draft
year-range = Waggaa { $min } hanga { $max }
# draft
group-missing = Yoo xiqqaate tokko dabalaa.
# draft
save-conflict-same-part = Kutaa kana foddaa biraa keessattis jijjiirtaniittu. Deebiiwwan kam qabachuu barbaaddu?
# draft
save-conflict-keep-mine = Deebiiwwan fuula kanaa qabadhaa
# draft
save-conflict-take-theirs = Deebiiwwan foddaa biraa fayyadamaa
# draft
summary-part-missing = Kutaa kana keessatti deebiiwwan tokko tokko hin jiran:
# draft
overview-start = Jalqabaa
# draft
overview-continue = Itti fufaa
# draft
done-fill-again-confirm = Deebiiwwan keessanii garagalcha jijjiiruuf argattu. Namoonni isin gorsan hanga isin galmee haaraa xumurtanitti galmee keessan isa xumurame argu.
# draft
done-fill-again-yes = Eeyyee, unka irra deebi'aa guutaa
# draft
done-fill-again-cancel = Lakki, akkuma jirutti dhiisaa
# draft
error-session-ended = Sirna keessaa baatanittu. Koodii haaraan irra deebi'aa seenaa.
# draft
together-banner = Gorsaa waliin galmeessuu
# draft
together-end = Xumuriitii deebi'i
