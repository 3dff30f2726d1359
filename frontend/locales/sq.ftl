# Kartlegg — Albanian (sq). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.

# draft
app-title = Regjistroni kualifikimet tuaja
# draft
skip-to-content = Kalo te përmbajtja
# draft
loading = Po ngarkohet…
# draft
back = Kthehu
# draft
next = Vazhdo
# draft
language-switch = Gjuha
# draft
language-choose = Zgjidhni gjuhën që doni të përdorni.

## Informacion para hyrjes
# draft
info-title = Si të regjistroheni
# draft
info-why = Institucionet publike që japin këshilla për kurse, arsim dhe punë duhet të dinë çfarë dini të bëni. Kështu ata mund t'ju ndihmojnë të bëni një plan.
# draft
info-topic-languages = cilat gjuhë flisni
# draft
info-topic-school = shkollimin tuaj
# draft
info-topic-work = përvojën tuaj të punës
# draft
info-topic-activities = cilat aktivitete jeni mësuar të bëni
# draft
info-topic-wishes = interesat dhe dëshirat tuaja për arsim dhe punë
# draft
info-even-if = Regjistrohuni edhe nëse nuk keni shkuar në shkollë ose nuk keni pasur punë.
# draft
info-how = Ju duhen numri juaj DUF dhe një kod. Kodin jua jep stafi i qendrës suaj të pritjes.
# draft
info-time = Zgjat rreth 30 minuta. Mund të bëni një pushim dhe të ktheheni sa kohë që kodi juaj është i vlefshëm.
# draft
info-rights = Keni të drejtë të shihni çfarë është regjistruar për ju dhe të kërkoni që informacioni i gabuar të korrigjohet.

## Hyrja
# draft
login-title = Hyni në formular
# draft
login-intro = Shkruani numrin tuaj DUF dhe kodin që ju dha stafi.
# draft
login-duf = Numri DUF
# draft
login-duf-hint = 12 shifra. E gjeni në letrat tuaja nga autoritetet e imigracionit.
# draft
login-code = Kodi juaj
# draft
login-code-hint = 8 shifra, për shembull 1234 5678.
# draft
login-submit = Hyni në formular
# draft
login-duf-invalid = Shkruani numrin DUF me 12 shifra.
# draft
login-code-invalid = Shkruani kodin me 8 shifra.
# draft
login-failed = Numri DUF ose kodi nuk është i saktë, ose kodi nuk është më i vlefshëm. Kontrollojini dhe provoni përsëri, ose kërkojini stafit një kod të ri.
# draft
login-too-many = Shumë përpjekje. Provoni përsëri pas { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutash
  }.

## Pëlqimi
# draft
consent-title = Pëlqimi
# draft
consent-purpose = Informacioni që regjistroni përdoret për t'ju dhënë këshilla dhe oferta për kurse, arsim dhe punë.
# draft
consent-who = Mund ta shohin vetëm personat që ju këshillojnë në qendrën e pritjes, në komunë dhe në IMDi.
# draft
consent-not-asylum = Nuk përdoret kur shqyrtohet kërkesa juaj për mbrojtje (azil).
# draft
consent-rights = Keni të drejtë të shihni çfarë është regjistruar për ju dhe të kërkoni që të korrigjohet ose të fshihet. Pyesni stafin, ose shkruajini IMDi-së.
# draft
consent-storage = Informacioni fshihet kur nuk nevojitet më.
# draft
consent-decline = Nuk jap pëlqimin
# draft
consent-accept = Jap pëlqimin dhe dua të regjistrohem
# draft
declined-title = Nuk dhatë pëlqimin
# draft
declined-text = Për ju është ruajtur vetëm fakti që nuk dhatë pëlqimin. Keni dalë nga sistemi. Nëse ndryshoni mendje, kërkojini stafit një kod të ri.
# draft
declined-start-again = Shkoni në faqen kryesore

## Formulari
# draft
overview-title = Regjistrimi juaj
# draft
overview-intro = Regjistrimi ka shtatë pjesë. Zgjidhni një pjesë, ose filloni me të parën.
# draft
overview-link = Shihni të gjitha pjesët
# draft
overview-to-summary = Shkoni te përmbledhja
# draft
progress-not-started = Pa filluar
# draft
progress-in-progress = Në vazhdim
# draft
progress-done = Përfunduar
# draft
part-of = Pjesa { $number } nga { $total }
# draft
status-not-answered = Pa përgjigje
# draft
status-missing = Mungon përgjigjja
# draft
status-answered = Me përgjigje
# draft
answer-missing-choice = Zgjidhni një nga mundësitë.
# draft
answer-missing-text = Shkruani një përgjigje.
# draft
answer-error-required = Përgjigjuni kësaj pyetjeje.
# draft
answer-error-not_an_option = Zgjidhni një nga mundësitë.
# draft
answer-error-too_long = Përgjigjja është shumë e gjatë.
# draft
answer-error-too_few = Zgjidhni më shumë mundësi.
# draft
answer-error-too_many = Zgjidhni më pak mundësi.
# draft
answer-error-unknown_question = Kjo pyetje nuk është në formular.
# draft
answer-error-wrong_type = Kjo përgjigje nuk është e llojit të duhur.
# draft
error-summary-title = Mungojnë disa përgjigje
# draft
list-search = Kërkoni në listë
# draft
list-choose = Zgjidh
# draft
group-add = Shto edhe një
# draft
group-entry = Numri { $number }
# draft
group-remove = Hiq
# draft
group-removed = U hoq.
# draft
group-undo = Anulo
# draft
save-saving = Po ruhet…
# draft
save-saved = U ruajt
# draft
save-pending = Nuk u ruajt ende — do të provojmë përsëri
# draft
save-invalid = Disa përgjigje nuk u ruajtën. Shihni mesazhet më poshtë.
# draft
save-conflict = Përgjigjet tuaja u ndryshuan në një dritare tjetër. Kemi ngarkuar përgjigjet më të reja.

## Përkthimi krah për krah dhe leximi me zë
# draft
translate-open = Përkthe formularin
# draft
translate-choose = Shfaq përkthimin në
# draft
translate-none = Zgjidhni një gjuhë
# draft
translate-hide = Fshih përkthimin
# draft
read-aloud = Lexo me zë
# draft
read-aloud-stop = Ndalo leximin

## Përmbledhja dhe përfundimi
# draft
summary-title = Kontrolloni përgjigjet tuaja
# draft
summary-edit = Ndrysho
# draft
summary-next = Kur ta përfundoni regjistrimin, personat që ju këshillojnë mund ta shohin. Më pas nuk mund ta ndryshoni, por mund ta plotësoni formularin përsëri.
# draft
summary-complete = Përfundo regjistrimin
# draft
summary-missing = Mungojnë disa përgjigje të detyrueshme. Kthehuni te pjesët dhe përgjigjuni.
# draft
done-title = Regjistrimi juaj përfundoi
# draft
done-text = Faleminderit. Personat që ju këshillojnë për kurse, arsim dhe punë tani mund të shohin çfarë regjistruat.
# draft
done-fill-again = Plotësoni formularin përsëri
# draft
logout = Dil

## Të dhënat e mia
# draft
my-data-title = Të dhënat tuaja
# draft
my-data-intro = Kjo është gjithçka që Kartlegg ka për ju.
# draft
my-data-person = Për ju
# draft
my-data-name = Emri
# draft
my-data-organisation = Ndiqet nga
# draft
my-data-consents = Pëlqimet
# draft
my-data-registrations = Regjistrimet
# draft
my-data-completed = Përfunduar
# draft
my-data-draft = Pa përfunduar
# draft
my-data-download = Shkarko si skedar
nav-label = Llogaria juaj
nav-my-data = Të dhënat e mia
my-data-download-html = Shkarko si faqe për ta lexuar
my-data-no-answers = Ende nuk ka përgjigje.
my-data-consent-accept = Dhatë pëlqimin
my-data-consent-decline = Nuk dhatë pëlqimin

## Gabime dhe faqe të tjera
# draft
error-network = Nuk mundëm të lidhemi me shërbimin. Kontrolloni lidhjen me internetin dhe provoni përsëri.
# draft
error-unexpected = Diçka shkoi keq. Provoni përsëri, ose kërkoni ndihmë nga stafi.
# draft
status-title = Gjendja e shërbimit
# draft
status-checking = Po kontrollohet shërbimi…
# draft
status-ready = Shërbimi është gati.
# draft
status-unavailable = Shërbimi nuk funksionon tani. Provoni përsëri më vonë.
# draft
not-found-title = Faqja nuk u gjet
# draft
not-found-home = Shkoni në faqen kryesore

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = Shkruani një numër vetëm me shifra.
# draft
answer-error-too_small = Numri është shumë i vogël. Shkruani një numër nga { $min } deri në { $max }.
# draft
answer-error-too_large = Numri është shumë i madh. Shkruani një numër nga { $min } deri në { $max }.
# draft
answer-error-other = Kontrolloni këtë përgjigje.
# draft
error-summary-attention = Disa përgjigje duhen kontrolluar
# draft
number-range = Një numër nga { $min } deri në { $max }
# draft
year-range = Një vit nga { $min } deri në { $max }
# draft
group-missing = Shtoni të paktën një.
# draft
save-conflict-same-part = Këtë pjesë e ndryshuat edhe në një dritare tjetër. Cilat përgjigje doni të mbani?
# draft
save-conflict-keep-mine = Mbaj përgjigjet e kësaj faqeje
# draft
save-conflict-take-theirs = Përdor përgjigjet e dritares tjetër
# draft
summary-part-missing = Në këtë pjesë mungojnë disa përgjigje:
# draft
overview-start = Fillo
# draft
overview-continue = Vazhdo
# draft
done-fill-again-confirm = Merrni një kopje të përgjigjeve tuaja për t'i ndryshuar. Personat që ju këshillojnë shohin regjistrimin tuaj të përfunduar derisa të përfundoni të riun.
# draft
done-fill-again-yes = Po, plotësoni formularin përsëri
# draft
done-fill-again-cancel = Jo, lëreni siç është
# draft
error-session-ended = Keni dalë nga sistemi. Hyni përsëri me një kod të ri.
# draft
together-banner = Regjistrim së bashku me një këshilltar
# draft
together-end = Përfundo dhe kthehu
