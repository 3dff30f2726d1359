# Kartlegg — Pashto (ps). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.

# draft
app-title = خپلې وړتیاوې ثبت کړئ
# draft
skip-to-content = منځپانګې ته لاړ شئ
# draft
loading = بارېږي…
# draft
back = شاته
# draft
next = بل
# draft
language-switch = ژبه
# draft
language-choose = هغه ژبه وټاکئ چې کارول یې غواړئ.

## د ننوتلو نه مخکې معلومات
# draft
info-title = څنګه ځان ثبت کړئ
# draft
info-why = دولتي ادارې چې د روزنې، زده کړې او کار په اړه مشوره ورکوي، باید پوه شي چې تاسو څه کولی شئ. بیا کولی شي چې د پلان په جوړولو کې درسره مرسته وکړي.
# draft
info-topic-languages = په کومو ژبو خبرې کوئ
# draft
info-topic-school = ستاسو ښوونځی
# draft
info-topic-work = ستاسو د کار تجربه
# draft
info-topic-activities = هغه کارونه چې تاسو یې په کولو عادت یاست
# draft
info-topic-wishes = ستاسو علاقې او د زده کړې او کار په اړه ستاسو هیلې
# draft
info-even-if = که ښوونځي ته نه یاست تللي یا مو دنده نه وي لرلې، بیا هم ځان ثبت کړئ.
# draft
info-how = تاسو خپلې د DUF شمېرې او یو کوډ ته اړتیا لرئ. کوډ د استوګنې مرکز له کارکوونکو څخه اخلئ.
# draft
info-time = شاوخوا 30 دقیقې وخت نیسي. تر هغه چې کوډ مو اعتبار لري، کولی شئ دمه وکړئ او بېرته راشئ.
# draft
info-rights = تاسو حق لرئ چې وګورئ ستاسو په اړه څه ثبت شوي دي، او غلط معلومات سم کړل شي.

## ننوتل
# draft
login-title = فورمې ته ننوځئ
# draft
login-intro = خپله د DUF شمېره او هغه کوډ ولیکئ چې له کارکوونکو مو اخیستی دی.
# draft
login-duf = د DUF شمېره
# draft
login-duf-hint = 12 عددونه. دا په هغو کاغذونو کې پیدا کولی شئ چې د مهاجرت ادارو درکړي دي.
# draft
login-code = ستاسو کوډ
# draft
login-code-hint = 8 عددونه، د بېلګې په توګه 1234 5678.
# draft
login-submit = فورمې ته ننوځئ
# draft
login-duf-invalid = د DUF شمېره په 12 عددونو ولیکئ.
# draft
login-code-invalid = کوډ په 8 عددونو ولیکئ.
# draft
login-failed = د DUF شمېره یا کوډ سم نه دی، یا د کوډ اعتبار پای ته رسېدلی دی. دواړه وګورئ او بیا هڅه وکړئ، یا له کارکوونکو نوی کوډ وغواړئ.
# draft
login-too-many = ډېرې هڅې وشوې. له { $minutes ->
    [one] یوې دقیقې
   *[other] { $minutes } دقیقو
  } وروسته بیا هڅه وکړئ.

## رضایت
# draft
consent-title = رضایت
# draft
consent-purpose = هغه معلومات چې تاسو یې ثبتوئ، د دې لپاره کارول کېږي چې تاسو ته د روزنې، زده کړې او کار په اړه مشوره او وړاندیزونه درکړل شي.
# draft
consent-who = یوازې هغه کسان یې لیدلی شي چې تاسو ته د استوګنې مرکز، ښاروالۍ او IMDi کې مشوره درکوي.
# draft
consent-not-asylum = کله چې ستاسو د ساتنې (پناه) غوښتنلیک ته کتنه کېږي، دا معلومات نه کارول کېږي.
# draft
consent-rights = تاسو حق لرئ چې وګورئ ستاسو په اړه څه ثبت شوي دي، او هغه سم یا پاک کړل شي. له کارکوونکو وپوښتئ، یا IMDi ته ولیکئ.
# draft
consent-storage = کله چې نور اړتیا ورته نه وي، معلومات پاکېږي.
# draft
consent-decline = زه رضایت نه ورکوم
# draft
consent-accept = زه رضایت ورکوم او غواړم ځان ثبت کړم
# draft
declined-title = تاسو رضایت ورنه کړ
# draft
declined-text = ستاسو په اړه له دې پرته بل څه نه دي ساتل شوي چې تاسو رضایت ورنه کړ. تاسو له سیستم څخه ووتلئ. که مو نظر بدل شو، له کارکوونکو نوی کوډ وغواړئ.
# draft
declined-start-again = لومړي مخ ته لاړ شئ

## فورمه
# draft
overview-title = ستاسو ثبت
# draft
overview-intro = ثبت اوه برخې لري. یوه برخه وټاکئ، یا له لومړۍ برخې پیل وکړئ.
# draft
overview-link = ټولې برخې وګورئ
# draft
overview-to-summary = لنډیز ته لاړ شئ
# draft
progress-not-started = نه دی پیل شوی
# draft
progress-in-progress = روان دی
# draft
progress-done = بشپړ شو
# draft
part-of = برخه { $number } له { $total } څخه
# draft
status-not-answered = ځواب نه دی ورکړل شوی
# draft
status-missing = ځواب نشته
# draft
status-answered = ځواب ورکړل شو
# draft
answer-missing-choice = له ګزینو څخه یوه وټاکئ.
# draft
answer-missing-text = یو ځواب ولیکئ.
# draft
answer-error-required = دې پوښتنې ته ځواب ورکړئ.
# draft
answer-error-not_an_option = له ګزینو څخه یوه وټاکئ.
# draft
answer-error-too_long = ځواب ډېر اوږد دی.
# draft
answer-error-too_few = نورې ګزینې وټاکئ.
# draft
answer-error-too_many = لږې ګزینې وټاکئ.
# draft
answer-error-unknown_question = دا پوښتنه په فورمه کې نشته.
# draft
answer-error-wrong_type = دا ځواب د سم ډول نه دی.
# draft
error-summary-title = ځینې ځوابونه نشته
# draft
list-search = په لېست کې ولټوئ
# draft
list-choose = وټاکئ
# draft
group-add = یو بل زیات کړئ
# draft
group-entry = مورد { $number }
# draft
group-remove = لرې کړئ
# draft
group-removed = لرې شو.
# draft
group-undo = بېرته یې راولئ
# draft
save-saving = خوندي کېږي…
# draft
save-saved = خوندي شو
# draft
save-pending = لا خوندي شوی نه دی — بیا به هڅه وشي
# draft
save-invalid = ځینې ځوابونه خوندي نه شول. لاندې پیغامونه وګورئ.
# draft
save-conflict = ستاسو ځوابونه په بله کړکۍ کې بدل شوي دي. موږ تر ټولو نوي ځوابونه راوړل.

## څنګ په څنګ ژباړه او په لوړ غږ لوستل
# draft
translate-open = فورمه وژباړئ
# draft
translate-choose = ژباړه په دې ژبه وښایئ
# draft
translate-none = یوه ژبه وټاکئ
# draft
translate-hide = ژباړه پټه کړئ
# draft
read-aloud = په لوړ غږ یې ولولئ
# draft
read-aloud-stop = لوستل ودروئ

## لنډیز او بشپړول
# draft
summary-title = خپل ځوابونه وګورئ
# draft
summary-edit = بدلول
# draft
summary-next = کله چې ثبت بشپړ کړئ، هغه کسان یې لیدلی شي چې تاسو ته مشوره درکوي. وروسته یې نشئ بدلولی، خو فورمه بیا ډکولی شئ.
# draft
summary-complete = ثبت بشپړ کړئ
# draft
summary-missing = ځینې اړین ځوابونه نشته. برخو ته بېرته لاړ شئ او ځواب یې ورکړئ.
# draft
done-title = ستاسو ثبت بشپړ شو
# draft
done-text = مننه. هغه کسان چې تاسو ته د روزنې، زده کړې او کار په اړه مشوره درکوي، اوس لیدلی شي چې تاسو څه ثبت کړي دي.
# draft
done-fill-again = فورمه بیا ډکه کړئ
# draft
logout = وتل

## زما معلومات
# draft
my-data-title = ستاسو معلومات
# draft
my-data-intro = دا هر هغه څه دي چې Kartlegg یې ستاسو په اړه ساتي.
# draft
my-data-person = ستاسو په اړه
# draft
my-data-name = نوم
# draft
my-data-organisation = تعقیبوونکې اداره
# draft
my-data-consents = رضایتونه
# draft
my-data-registrations = ثبتونه
# draft
my-data-completed = بشپړ شوی
# draft
my-data-draft = نیمګړی
# draft
my-data-download = د فایل په توګه یې ښکته کړئ
nav-label = ستاسو حساب
nav-my-data = زما معلومات
my-data-download-html = د لوستلو لپاره د پاڼې په توګه یې ښکته کړئ
my-data-no-answers = تر اوسه هېڅ ځواب نشته.
my-data-consent-accept = تاسو رضایت ورکړ
my-data-consent-decline = تاسو رضایت ورنه کړ

## تېروتنې او نورې پاڼې
# draft
error-network = موږ خدمت ته ونه رسېدو. د انټرنېټ اړیکه مو وګورئ او بیا هڅه وکړئ.
# draft
error-unexpected = یوه ستونزه پېښه شوه. بیا هڅه وکړئ، یا له کارکوونکو مرسته وغواړئ.
# draft
status-title = د خدمت حالت
# draft
status-checking = خدمت کتل کېږي…
# draft
status-ready = خدمت چمتو دی.
# draft
status-unavailable = خدمت اوس نشته. وروسته بیا هڅه وکړئ.
# draft
not-found-title = پاڼه ونه موندل شوه
# draft
not-found-home = لومړي مخ ته لاړ شئ

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = شمېره یوازې په عددونو ولیکئ.
# draft
answer-error-too_small = شمېره ډېره کوچنۍ ده. له { $min } څخه تر { $max } پورې یوه شمېره ولیکئ.
# draft
answer-error-too_large = شمېره ډېره لویه ده. له { $min } څخه تر { $max } پورې یوه شمېره ولیکئ.
# draft
answer-error-other = دا ځواب وګورئ.
# draft
error-summary-attention = ځینې ځوابونه باید وکتل شي
# draft
number-range = له { $min } څخه تر { $max } پورې شمېره
# draft
year-range = له { $min } څخه تر { $max } پورې کال
# draft
group-missing = لږ تر لږه یو زیات کړئ.
# draft
save-conflict-same-part = تاسو دا برخه په بله کړکۍ کې هم بدله کړې ده. کوم ځوابونه ساتل غواړئ؟
# draft
save-conflict-keep-mine = په دې پاڼه کې ځوابونه وساتئ
# draft
save-conflict-take-theirs = د بلې کړکۍ ځوابونه وکاروئ
# draft
summary-part-missing = په دې برخه کې ځینې ځوابونه نشته:
# draft
overview-start = پیل کړئ
# draft
overview-continue = دوام ورکړئ
# draft
done-fill-again-confirm = تاسو ته د خپلو ځوابونو یوه کاپي درکول کېږي چې بدله یې کړئ. هغه کسان چې تاسو ته مشوره درکوي، ستاسو بشپړ شوی ثبت ګوري تر هغه چې تاسو نوی ثبت بشپړ کړئ.
# draft
done-fill-again-yes = هو، فورمه بیا ډکه کړئ
# draft
done-fill-again-cancel = نه، هماغسې یې پرېږدئ
# draft
error-session-ended = تاسو له سیستم څخه ووتلئ. په نوي کوډ بیا ننوځئ.
# draft
together-banner = د یو سلاکار سره نوم لیکنه
# draft
together-end = پای ته ورسوه او بېرته لاړ شه
