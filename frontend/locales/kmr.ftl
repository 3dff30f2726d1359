# Kartlegg — Northern Kurdish (Kurmanji) (kmr). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.
# draft
app-title = Jêhatîbûnên xwe tomar bikin
# draft
skip-to-content = Herin naverokê
# draft
loading = Tê barkirin…
# draft
back = Paşve
# draft
next = Pêşve
# draft
language-switch = Ziman
# draft
language-choose = Zimanê ku hûn dixwazin bi kar bînin hilbijêrin.

## Information before login
# draft
info-title = Çawa tomar bikin
# draft
info-why = Saziyên giştî yên ku li ser kurs, xwendin û kar şîretan didin mirovan, divê bizanin hûn dikarin çi bikin. Wê demê ew dikarin alîkariya we bikin ku hûn planekê çêkin.
# draft
info-topic-languages = hûn bi kîjan zimanan diaxivin
# draft
info-topic-school = xwendina we ya dibistanê
# draft
info-topic-work = tecrûbeya we ya kar
# draft
info-topic-activities = hûn bi gelemperî çi karan dikin
# draft
info-topic-wishes = eleqe û daxwazên we ji bo xwendin û kar
# draft
info-even-if = Heke hûn neçûbin dibistanê an jî karê we tunebûbe jî, xwe tomar bikin.
# draft
info-how = Ji we re hejmara DUF û kodek lazim e. Hûn kodê ji karmendên navenda pêşwaziyê distînin.
# draft
info-time = Nêzîkî 30 deqîqeyan digire. Hûn dikarin bêhna xwe vedin û paşê vegerin, heta ku koda we derbasdar be.
# draft
info-rights = Mafê we heye ku hûn bibînin çi li ser we hatiye tomarkirin, û ku agahiyên şaş bên rastkirin.

## Login
# draft
login-title = Têkevin formê
# draft
login-intro = Hejmara xwe ya DUF û koda ku we ji karmendan standiye binivîsin.
# draft
login-duf = Hejmara DUF
# draft
login-duf-hint = 12 reqem. Hûn wê li ser kaxezên xwe yên ji rayedarên koçberiyê dibînin.
# draft
login-code = Koda we
# draft
login-code-hint = 8 reqem, bo nimûne 1234 5678.
# draft
login-submit = Têkevin formê
# draft
login-duf-invalid = Hejmara DUF bi 12 reqeman binivîsin.
# draft
login-code-invalid = Kodê bi 8 reqeman binivîsin.
# draft
login-failed = Hejmara DUF an kod ne rast e, an jî kod êdî ne derbasdar e. Wan kontrol bikin û dîsa biceribînin, an jî ji karmendan kodeke nû bixwazin.
# draft
login-too-many = Gelek hewldan. Piştî { $minutes ->
    [one] 1 deqîqeyê
   *[other] { $minutes } deqîqeyan
  } dîsa biceribînin.

## Consent
# draft
consent-title = Razîbûn
# draft
consent-purpose = Agahiyên ku hûn tomar dikin tên bikaranîn da ku li ser kurs, xwendin û kar şîret û pêşniyar ji we re bên dayîn.
# draft
consent-who = Tenê ew kesên ku li navenda pêşwaziyê, li şaredariyê û li IMDi şîretan didin we, dikarin wan bibînin.
# draft
consent-not-asylum = Dema ku serlêdana we ya parastinê (penaberiyê) tê nirxandin, ev agahî nayên bikaranîn.
# draft
consent-rights = Mafê we heye ku hûn bibînin çi li ser we hatiye tomarkirin, û ku ew bê rastkirin an jêbirin. Ji karmendan bipirsin, an jî ji IMDi re binivîsin.
# draft
consent-storage = Dema ku agahî êdî ne lazim bin, ew tên jêbirin.
# draft
consent-decline = Ez ne razî me
# draft
consent-accept = Ez razî me û dixwazim tomar bikim
# draft
declined-title = We razîbûna xwe neda
# draft
declined-text = Ji bilî ku we razîbûna xwe nedaye, tiştekî din li ser we nehatiye hilanîn. Hûn ji sîstemê derketin. Heke hûn fikra xwe biguherînin, ji karmendan kodeke nû bixwazin.
# draft
declined-start-again = Herin rûpela destpêkê

## The form
# draft
overview-title = Tomara we
# draft
overview-intro = Tomar ji heft beşan pêk tê. Beşekê hilbijêrin, an jî ji beşa yekem dest pê bikin.
# draft
overview-link = Hemû beşan bibînin
# draft
overview-to-summary = Herin kurteyê
# draft
progress-not-started = Dest pê nekiriye
# draft
progress-in-progress = Berdewam e
# draft
progress-done = Qediya
# draft
part-of = Beşa { $number } ji { $total }
# draft
status-not-answered = Bersiv nehatiye dayîn
# draft
status-missing = Bersiv lazim e
# draft
status-answered = Bersiv hatiye dayîn
# draft
answer-missing-choice = Yek ji vebijarkan hilbijêrin.
# draft
answer-missing-text = Bersivekê binivîsin.
# draft
answer-error-required = Bersiva vê pirsê bidin.
# draft
answer-error-not_an_option = Yek ji vebijarkan hilbijêrin.
# draft
answer-error-too_long = Bersiv pir dirêj e.
# draft
answer-error-too_few = Bêtir vebijarkan hilbijêrin.
# draft
answer-error-too_many = Kêmtir vebijarkan hilbijêrin.
# draft
answer-error-unknown_question = Ev pirs di formê de tune ye.
# draft
answer-error-wrong_type = Ev bersiv ne ji cureyê rast e.
# draft
error-summary-title = Hin bersiv kêm in
# draft
list-search = Di lîsteyê de bigerin
# draft
list-choose = Hilbijêrin
# draft
group-add = Yekî din zêde bikin
# draft
group-entry = Xala { $number }
# draft
group-remove = Rakin
# draft
group-removed = Hate rakirin.
# draft
group-undo = Vegerînin
# draft
save-saving = Tê hilanîn…
# draft
save-saved = Hate hilanîn
# draft
save-pending = Hê nehatiye hilanîn — dê dîsa were ceribandin
# draft
save-invalid = Hin bersiv nehatin hilanîn. Li peyamên li jêr binêrin.
# draft
save-conflict = Bersivên we di pencereyeke din de hatin guhertin. Me bersivên herî nû barkirin.

## Side-by-side translation and reading aloud
# draft
translate-open = Formê wergerînin
# draft
translate-choose = Wergerê nîşan bidin bi zimanê
# draft
translate-none = Zimanekî hilbijêrin
# draft
translate-hide = Wergerê veşêrin
# draft
read-aloud = Bi dengê bilind bixwînin
# draft
read-aloud-stop = Xwendinê rawestînin

## Summary and completion
# draft
summary-title = Bersivên xwe kontrol bikin
# draft
summary-edit = Biguherînin
# draft
summary-next = Dema ku hûn tomarê temam bikin, ew kesên ku şîretan didin we dikarin wê bibînin. Paşê hûn nikarin wê biguherînin, lê hûn dikarin formê dîsa tijî bikin.
# draft
summary-complete = Tomarê temam bikin
# draft
summary-missing = Hin bersivên pêwîst kêm in. Vegerin beşan û bersiva wan bidin.
# draft
done-title = Tomara we temam bû
# draft
done-text = Spas. Ew kesên ku li ser kurs, xwendin û kar şîretan didin we, niha dikarin bibînin ka we çi tomar kiriye.
# draft
done-fill-again = Formê dîsa tijî bikin
# draft
logout = Derkevin

## My data
# draft
my-data-title = Agahiyên we
# draft
my-data-intro = Ev hemû ew agahî ne ku li cem Kartlegg li ser we hene.
# draft
my-data-person = Li ser we
# draft
my-data-name = Nav
# draft
my-data-organisation = Şopandin ji aliyê
# draft
my-data-consents = Razîbûn
# draft
my-data-registrations = Tomar
# draft
my-data-completed = Temamkirî
# draft
my-data-draft = Netemamkirî
# draft
my-data-download = Wekî pel daxin
nav-label = Hesabê we
nav-my-data = Agahiyên min
my-data-download-html = Wekî rûpelekê ji bo xwendinê daxin
my-data-no-answers = Hîn bersiv tune ne.
my-data-consent-accept = Hûn razî bûn
my-data-consent-decline = Hûn ne razî bûn

## Errors and other pages
# draft
error-network = Me nekarî xwe bigihînin xizmetê. Girêdana xwe ya înternetê kontrol bikin û dîsa biceribînin.
# draft
error-unexpected = Tiştek xelet çû. Dîsa biceribînin, an jî ji karmendan alîkariyê bixwazin.
# draft
status-title = Rewşa xizmetê
# draft
status-checking = Xizmet tê kontrolkirin…
# draft
status-ready = Xizmet amade ye.
# draft
status-unavailable = Xizmet niha ne berdest e. Paşê dîsa biceribînin.
# draft
not-found-title = Rûpel nehat dîtin
# draft
not-found-home = Herin rûpela destpêkê

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = Hejmarê tenê bi reqeman binivîsin.
# draft
answer-error-too_small = Hejmar pir biçûk e. Hejmarekê ji { $min } heta { $max } binivîsin.
# draft
answer-error-too_large = Hejmar pir mezin e. Hejmarekê ji { $min } heta { $max } binivîsin.
# draft
answer-error-other = Vê bersivê kontrol bikin.
# draft
error-summary-attention = Divê hin bersiv bên kontrolkirin
# draft
number-range = Hejmarek ji { $min } heta { $max }
# draft
year-range = Salek ji { $min } heta { $max }
# draft
group-missing = Herî kêm yekî zêde bikin.
# draft
save-conflict-same-part = We ev beş di pencereyeke din de jî guhert. Hûn dixwazin kîjan bersivan bihêlin?
# draft
save-conflict-keep-mine = Bersivên li vê rûpelê bihêlin
# draft
save-conflict-take-theirs = Bersivên ji pencereya din bi kar bînin
# draft
summary-part-missing = Di vê beşê de hin bersiv kêm in:
# draft
overview-start = Dest pê bikin
# draft
overview-continue = Berdewam bikin
# draft
done-fill-again-confirm = Hûn kopiyeke bersivên xwe digirin da ku wan biguherînin. Ew kesên ku şîretan didin we, tomara we ya temamkirî dibînin heta ku hûn ya nû temam bikin.
# draft
done-fill-again-yes = Erê, formê dîsa tijî bikin
# draft
done-fill-again-cancel = Na, wek xwe bihêlin
# draft
error-session-ended = Hûn ji sîstemê derketin. Bi kodeke nû dîsa têkevin.
# draft
together-banner = Tomarkirin bi şêwirmendekî re
# draft
together-end = Biqedîne û vegere
