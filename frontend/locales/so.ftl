# Kartlegg — Somali (so). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.

# draft
app-title = Diiwaangeli aqoontaada iyo khibradaada
# draft
skip-to-content = U bood qoraalka
# draft
loading = Waa la soo rarayaa…
# draft
back = Dib u noqo
# draft
next = Xiga
# draft
language-switch = Luqadda
# draft
language-choose = Dooro luqadda aad rabto inaad isticmaasho.

## Macluumaad ka hor gelitaanka
# draft
info-title = Sida loo diiwaangeliyo
# draft
info-why = Hay'adaha dowladda ee bixiya talo ku saabsan tababarka, waxbarashada iyo shaqada waxay u baahan yihiin inay ogaadaan waxa aad taqaanno. Markaas ayay kaa caawin karaan inaad samayso qorshe.
# draft
info-topic-languages = luqadaha aad ku hadasho
# draft
info-topic-school = dugsiga aad dhigatay
# draft
info-topic-work = khibradaada shaqo
# draft
info-topic-activities = hawlaha aad caadaysatay inaad qabato
# draft
info-topic-wishes = waxa aad xiisayso iyo rabitaankaaga waxbarasho iyo shaqo
# draft
info-even-if = Is diiwaangeli xitaa haddii aadan dugsi dhigan ama aadan shaqo qaban.
# draft
info-how = Waxaad u baahan tahay lambarkaaga DUF iyo koodh. Koodhka waxaad ka helaysaa shaqaalaha xarunta qaxootiga ee aad joogto.
# draft
info-time = Waxay qaadanaysaa qiyaastii 30 daqiiqo. Waad nasan kartaa oo dib u soo noqon kartaa inta koodhkaagu shaqaynayo.
# draft
info-rights = Waxaad xaq u leedahay inaad aragto waxa lagaa diiwaangeliyey iyo in la saxo macluumaadka khaldan.

## Gelitaanka
# draft
login-title = Gal foomka
# draft
login-intro = Qor lambarkaaga DUF iyo koodhka aad ka heshay shaqaalaha.
# draft
login-duf = Lambarka DUF
# draft
login-duf-hint = 12 tiro. Waxaad ka helaysaa waraaqaha aad ka heshay hay'adaha socdaalka.
# draft
login-code = Koodhkaaga
# draft
login-code-hint = 8 tiro, tusaale ahaan 1234 5678.
# draft
login-submit = Gal foomka
# draft
login-duf-invalid = Qor lambarka DUF oo ka kooban 12 tiro.
# draft
login-code-invalid = Qor koodhka oo ka kooban 8 tiro.
# draft
login-failed = Lambarka DUF ama koodhka sax ma aha, ama koodhku hadda ma shaqaynayo. Hubi oo isku day mar kale, ama shaqaalaha ka codso koodh cusub.
# draft
login-too-many = Isku day badan. Mar kale isku day { $minutes ->
    [one] 1 daqiiqad kadib
   *[other] { $minutes } daqiiqo kadib
  }.

## Ogolaansho
# draft
consent-title = Ogolaansho
# draft
consent-purpose = Macluumaadka aad diiwaangeliso waxaa loo isticmaalaa in lagu siiyo talo iyo fursado ku saabsan tababarka, waxbarashada iyo shaqada.
# draft
consent-who = Waxaa arki kara oo keliya dadka kula taliya xarunta qaxootiga, degmada iyo IMDi.
# draft
consent-not-asylum = Looma isticmaalo marka la baarayo codsigaaga ilaalinta (magangalyada).
# draft
consent-rights = Waxaad xaq u leedahay inaad aragto waxa lagaa diiwaangeliyey, iyo in la saxo ama la tirtiro. Weydii shaqaalaha, ama u qor IMDi.
# draft
consent-storage = Macluumaadka waa la tirtirayaa marka aan loo baahnayn.
# draft
consent-decline = Ma ogoli
# draft
consent-accept = Waan ogolahay oo waxaan rabaa inaan is diiwaangeliyo
# draft
declined-title = Ma aadan ogolaan
# draft
declined-text = Waxba lagaama kaydin marka laga reebo inaadan ogolaan. Waad ka baxday. Haddii aad go'aankaaga beddesho, shaqaalaha ka codso koodh cusub.
# draft
declined-start-again = Tag bogga bilowga

## Foomka
# draft
overview-title = Diiwaangelintaada
# draft
overview-intro = Diiwaangelintu waxay leedahay toddoba qaybood. Dooro qayb, ama ka bilow tan koowaad.
# draft
overview-link = Eeg dhammaan qaybaha
# draft
overview-to-summary = U gudub soo koobidda
# draft
progress-not-started = Lama bilaabin
# draft
progress-in-progress = Waa socotaa
# draft
progress-done = Waa dhammaatay
# draft
part-of = Qaybta { $number } ee { $total }
# draft
status-not-answered = Lama jawaabin
# draft
status-missing = Jawaab ayaa maqan
# draft
status-answered = Waa la jawaabay
# draft
answer-missing-choice = Dooro mid ka mid ah doorashooyinka.
# draft
answer-missing-text = Qor jawaab.
# draft
answer-error-required = Ka jawaab su'aashan.
# draft
answer-error-not_an_option = Dooro mid ka mid ah doorashooyinka.
# draft
answer-error-too_long = Jawaabtu aad bay u dheer tahay.
# draft
answer-error-too_few = Dooro doorashooyin ka badan.
# draft
answer-error-too_many = Dooro doorashooyin ka yar.
# draft
answer-error-unknown_question = Su'aashan kuma jirto foomka.
# draft
answer-error-wrong_type = Jawaabtani ma aha nooca saxda ah.
# draft
error-summary-title = Jawaabo qaar ayaa maqan
# draft
list-search = Ka raadi liiska
# draft
list-choose = Dooro
# draft
group-add = Ku dar mid kale
# draft
group-entry = Qoraalka { $number }
# draft
group-remove = Ka saar
# draft
group-removed = Waa la saaray.
# draft
group-undo = Dib u celi
# draft
save-saving = Waa la kaydinayaa…
# draft
save-saved = Waa la kaydiyey
# draft
save-pending = Weli lama kaydin — mar kale ayaa la isku dayi doonaa
# draft
save-invalid = Jawaabo qaar lama kaydin karin. Eeg fariimaha hoose.
# draft
save-conflict = Jawaabahaaga waa laga beddelay daaqad kale. Waxaan soo gelinay jawaabaha ugu dambeeyay.

## Turjumaad dhinac ah iyo kor u akhris
# draft
translate-open = Turjun foomka
# draft
translate-choose = Tus turjumaadda luqadda
# draft
translate-none = Dooro luqad
# draft
translate-hide = Qari turjumaadda
# draft
read-aloud = Kor u akhri
# draft
read-aloud-stop = Jooji akhriska

## Soo koobid iyo dhammaystir
# draft
summary-title = Hubi jawaabahaaga
# draft
summary-edit = Wax ka beddel
# draft
summary-next = Marka aad dhammaystirto diiwaangelinta, dadka kula taliya ayaa arki kara. Dabadeed wax kama beddeli kartid, laakiin mar kale ayaad buuxin kartaa foomka.
# draft
summary-complete = Dhammaystir diiwaangelinta
# draft
summary-missing = Jawaabo qaar oo loo baahan yahay ayaa maqan. Ku noqo qaybaha oo ka jawaab.
# draft
done-title = Diiwaangelintaadu waa dhammaatay
# draft
done-text = Mahadsanid. Dadka kula taliya tababarka, waxbarashada iyo shaqada hadda waxay arki karaan waxa aad diiwaangelisay.
# draft
done-fill-again = Mar kale buuxi foomka
# draft
logout = Ka bax

## Xogtayda
# draft
my-data-title = Xogtaada
# draft
my-data-intro = Kani waa dhammaan waxa Kartlegg kaa hayo.
# draft
my-data-person = Adiga
# draft
my-data-name = Magaca
# draft
my-data-organisation = Hay'adda kula socota
# draft
my-data-consents = Ogolaanshaha
# draft
my-data-registrations = Diiwaangelinnada
# draft
my-data-completed = Waa la dhammaystiray
# draft
my-data-draft = Lama dhammaystirin
# draft
my-data-download = U soo deji fayl ahaan
nav-label = Akoonkaaga
nav-my-data = Xogtayda
my-data-download-html = U soo deji bog la akhriyo ahaan
my-data-no-answers = Weli jawaab ma jirto.
my-data-consent-accept = Waad ogolaatay
my-data-consent-decline = Ma aadan ogolaan

## Khaladaad iyo bogag kale
# draft
error-network = Lama gaari karin adeegga. Hubi isku xirkaaga internetka oo isku day mar kale.
# draft
error-unexpected = Wax baa khaldamay. Isku day mar kale, ama shaqaalaha ka codso caawimaad.
# draft
status-title = Xaaladda adeegga
# draft
status-checking = Adeegga waa la hubinayaa…
# draft
status-ready = Adeeggu waa diyaar.
# draft
status-unavailable = Adeeggu hadda ma shaqaynayo. Isku day mar dambe.
# draft
not-found-title = Bogga lama helin
# draft
not-found-home = Tag bogga bilowga

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = Tirada ku qor lambarro oo keliya.
# draft
answer-error-too_small = Tiradu aad bay u yar tahay. Qor tiro laga bilaabo { $min } ilaa { $max }.
# draft
answer-error-too_large = Tiradu aad bay u badan tahay. Qor tiro laga bilaabo { $min } ilaa { $max }.
# draft
answer-error-other = Hubi jawaabtan.
# draft
error-summary-attention = Jawaabo qaar ayaa u baahan in la hubiyo
# draft
number-range = Tiro laga bilaabo { $min } ilaa { $max }
# draft
year-range = Sanad laga bilaabo { $min } ilaa { $max }
# draft
group-missing = Ku dar ugu yaraan mid.
# draft
save-conflict-same-part = Qaybtan waxaad sidoo kale ku beddeshay daaqad kale. Jawaabahee ayaad rabtaa inaad haysato?
# draft
save-conflict-keep-mine = Hay jawaabaha boggan
# draft
save-conflict-take-theirs = Isticmaal jawaabaha daaqadda kale
# draft
summary-part-missing = Jawaabo qaar ayaa ka maqan qaybtan:
# draft
overview-start = Bilow
# draft
overview-continue = Sii wad
# draft
done-fill-again-confirm = Waxaad helaysaa nuqul jawaabahaaga ah oo aad wax ka beddeli karto. Dadka kula taliya waxay arkayaan diiwaangelintaada la dhammaystiray ilaa aad dhammaystirto tan cusub.
# draft
done-fill-again-yes = Haa, mar kale buuxi foomka
# draft
done-fill-again-cancel = Maya, sidiisa u daa
# draft
error-session-ended = Waad ka baxday. Mar kale gal adigoo isticmaalaya koodh cusub.
# draft
together-banner = Is-diiwaangelin lala yeelanayo la-taliye
# draft
together-end = Dhammee oo dib u noqo
