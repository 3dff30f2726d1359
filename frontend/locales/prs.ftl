# Kartlegg — Dari (Afghan Persian) (prs). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.
# draft
app-title = مهارت‌ها و سوابق خود را ثبت کنید
# draft
skip-to-content = رفتن به محتوای اصلی
# draft
loading = در حال بارگیری…
# draft
back = برگشت
# draft
next = بعدی
# draft
language-switch = زبان
# draft
language-choose = زبانی را که می‌خواهید استفاده کنید، انتخاب کنید.

## معلومات پیش از داخل شدن
# draft
info-title = چطور ثبت کنید
# draft
info-why = اداره‌های دولتی که در مورد آموزش، تحصیل و کار به مردم مشوره می‌دهند، باید بدانند که شما چه کارهایی را بلد هستید. بعد می‌توانند به شما کمک کنند تا یک پلان بسازید.
# draft
info-topic-languages = به کدام زبان‌ها صحبت می‌کنید
# draft
info-topic-school = درس و مکتب شما
# draft
info-topic-work = تجربهٔ کاری شما
# draft
info-topic-activities = چه کارهایی را معمولاً انجام می‌دادید
# draft
info-topic-wishes = علاقه‌ها و خواست‌های شما برای تحصیل و کار
# draft
info-even-if = حتی اگر به مکتب نرفته‌اید یا کار نکرده‌اید، ثبت کنید.
# draft
info-how = شما به نمبر DUF و یک کود ضرورت دارید. کود را از کارمندان کمپ پناهجویان می‌گیرید.
# draft
info-time = تقریباً 30 دقیقه وقت می‌گیرد. می‌توانید استراحت کنید و تا وقتی که کود شما اعتبار دارد، دوباره برگردید.
# draft
info-rights = شما حق دارید ببینید که چه معلوماتی در مورد شما ثبت شده است، و بخواهید که معلومات نادرست اصلاح شود.

## داخل شدن
# draft
login-title = داخل شدن به فورم
# draft
login-intro = نمبر DUF و کودی را که از کارمندان گرفته‌اید، بنویسید.
# draft
login-duf = نمبر DUF
# draft
login-duf-hint = 12 رقم. آن را در اسنادی که از ادارهٔ مهاجرت گرفته‌اید، پیدا می‌کنید.
# draft
login-code = کود شما
# draft
login-code-hint = 8 رقم، به طور مثال 1234 5678.
# draft
login-submit = داخل شدن به فورم
# draft
login-duf-invalid = نمبر DUF را با 12 رقم بنویسید.
# draft
login-code-invalid = کود را با 8 رقم بنویسید.
# draft
login-failed = نمبر DUF یا کود درست نیست، یا کود دیگر اعتبار ندارد. آن‌ها را چک کنید و دوباره کوشش کنید، یا از کارمندان یک کود جدید بخواهید.
# draft
login-too-many = کوشش‌ها بسیار زیاد شد. بعد از { $minutes ->
   *[other] { $minutes } دقیقه
  } دوباره کوشش کنید.

## رضایت
# draft
consent-title = رضایت
# draft
consent-purpose = از معلوماتی که ثبت می‌کنید، برای مشوره دادن و پیشنهادها در مورد آموزش، تحصیل و کار به شما استفاده می‌شود.
# draft
consent-who = فقط کسانی که در کمپ پناهجویان، شاروالی و IMDi به شما مشوره می‌دهند، می‌توانند آن را ببینند.
# draft
consent-not-asylum = وقتی درخواست حمایت (پناهندگی) شما بررسی می‌شود، از آن استفاده نمی‌شود.
# draft
consent-rights = شما حق دارید ببینید که چه معلوماتی در مورد شما ثبت شده است، و بخواهید که اصلاح یا پاک شود. از کارمندان بپرسید، یا به IMDi بنویسید.
# draft
consent-storage = وقتی که دیگر به معلومات ضرورت نباشد، پاک می‌شود.
# draft
consent-decline = رضایت نمی‌دهم
# draft
consent-accept = رضایت می‌دهم و می‌خواهم ثبت کنم
# draft
declined-title = شما رضایت ندادید
# draft
declined-text = در مورد شما به جز اینکه رضایت ندادید، چیز دیگری ذخیره نشده است. شما از سیستم خارج شدید. اگر نظر شما تغییر کرد، از کارمندان یک کود جدید بخواهید.
# draft
declined-start-again = رفتن به صفحهٔ اول

## فورم
# draft
overview-title = ثبت معلومات شما
# draft
overview-intro = ثبت معلومات هفت بخش دارد. یک بخش را انتخاب کنید، یا از بخش اول شروع کنید.
# draft
overview-link = دیدن همهٔ بخش‌ها
# draft
overview-to-summary = رفتن به خلاصه
# draft
progress-not-started = شروع نشده
# draft
progress-in-progress = در جریان
# draft
progress-done = تمام شده
# draft
part-of = بخش { $number } از { $total }
# draft
status-not-answered = جواب داده نشده
# draft
status-missing = جواب لازم است
# draft
status-answered = جواب داده شده
# draft
answer-missing-choice = یکی از گزینه‌ها را انتخاب کنید.
# draft
answer-missing-text = یک جواب بنویسید.
# draft
answer-error-required = به این سوال جواب بدهید.
# draft
answer-error-not_an_option = یکی از گزینه‌ها را انتخاب کنید.
# draft
answer-error-too_long = جواب بسیار طولانی است.
# draft
answer-error-too_few = گزینه‌های بیشتر انتخاب کنید.
# draft
answer-error-too_many = گزینه‌های کمتر انتخاب کنید.
# draft
answer-error-unknown_question = این سوال در فورم نیست.
# draft
answer-error-wrong_type = این جواب از نوع درست نیست.
# draft
error-summary-title = به بعضی سوال‌ها جواب داده نشده است
# draft
list-search = جستجو در لست
# draft
list-choose = انتخاب کنید
# draft
group-add = یکی دیگر اضافه کنید
# draft
group-entry = مورد { $number }
# draft
group-remove = حذف کردن
# draft
group-removed = حذف شد.
# draft
group-undo = برگرداندن
# draft
save-saving = در حال ذخیره…
# draft
save-saved = ذخیره شد
# draft
save-pending = هنوز ذخیره نشده — دوباره کوشش می‌کنیم
# draft
save-invalid = بعضی جواب‌ها ذخیره نشد. پیام‌های پایین را ببینید.
# draft
save-conflict = جواب‌های شما در یک پنجرهٔ دیگر تغییر کرد. تازه‌ترین جواب‌ها را باز کردیم.

## ترجمه در کنار متن و خواندن با آواز بلند
# draft
translate-open = ترجمهٔ فورم
# draft
translate-choose = نشان دادن ترجمه به زبان
# draft
translate-none = یک زبان را انتخاب کنید
# draft
translate-hide = پنهان کردن ترجمه
# draft
read-aloud = خواندن با آواز بلند
# draft
read-aloud-stop = توقف خواندن

## خلاصه و تمام کردن
# draft
summary-title = جواب‌های خود را چک کنید
# draft
summary-edit = تغییر دادن
# draft
summary-next = وقتی ثبت را تمام کنید، کسانی که به شما مشوره می‌دهند، می‌توانند آن را ببینند. بعد از آن نمی‌توانید آن را تغییر بدهید، اما می‌توانید فورم را دوباره پر کنید.
# draft
summary-complete = تمام کردن ثبت
# draft
summary-missing = به بعضی سوال‌های لازمی جواب داده نشده است. به بخش‌ها برگردید و به آن‌ها جواب بدهید.
# draft
done-title = ثبت معلومات شما تمام شد
# draft
done-text = تشکر. کسانی که در مورد آموزش، تحصیل و کار به شما مشوره می‌دهند، حالا می‌توانند آنچه را که ثبت کردید، ببینند.
# draft
done-fill-again = فورم را دوباره پر کنید
# draft
logout = خروج

## معلومات من
# draft
my-data-title = معلومات شما
# draft
my-data-intro = این همهٔ معلوماتی است که Kartlegg در مورد شما دارد.
# draft
my-data-person = در مورد شما
# draft
my-data-name = نام
# draft
my-data-organisation = پیگیری توسط
# draft
my-data-consents = رضایت‌ها
# draft
my-data-registrations = ثبت‌ها
# draft
my-data-completed = تمام شده
# draft
my-data-draft = تمام نشده
# draft
my-data-download = دانلود به شکل فایل
nav-label = حساب شما
nav-my-data = معلومات من
my-data-download-html = دانلود به شکل صفحه برای خواندن
my-data-no-answers = هنوز جوابی نیست.
my-data-consent-accept = رضایت دادید
my-data-consent-decline = رضایت ندادید

## خطاها و صفحه‌های دیگر
# draft
error-network = به سرویس وصل شده نتوانستیم. اتصال انترنت خود را چک کنید و دوباره کوشش کنید.
# draft
error-unexpected = یک مشکل پیش آمد. دوباره کوشش کنید، یا از کارمندان کمک بخواهید.
# draft
status-title = وضعیت سرویس
# draft
status-checking = در حال چک کردن سرویس…
# draft
status-ready = سرویس آماده است.
# draft
status-unavailable = سرویس فعلاً در دسترس نیست. بعداً دوباره کوشش کنید.
# draft
not-found-title = صفحه پیدا نشد
# draft
not-found-home = رفتن به صفحهٔ اول

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = عدد را فقط با رقم بنویسید.
# draft
answer-error-too_small = عدد بسیار کوچک است. عددی از { $min } تا { $max } بنویسید.
# draft
answer-error-too_large = عدد بسیار بزرگ است. عددی از { $min } تا { $max } بنویسید.
# draft
answer-error-other = این جواب را چک کنید.
# draft
error-summary-attention = بعضی جواب‌ها باید چک شوند
# draft
number-range = عددی از { $min } تا { $max }
# draft
year-range = سالی از { $min } تا { $max }
# draft
group-missing = حداقل یک مورد اضافه کنید.
# draft
save-conflict-same-part = شما این بخش را در یک پنجرهٔ دیگر هم تغییر دادید. کدام جواب‌ها را می‌خواهید نگه دارید؟
# draft
save-conflict-keep-mine = جواب‌های این صفحه را نگه دارید
# draft
save-conflict-take-theirs = از جواب‌های پنجرهٔ دیگر استفاده کنید
# draft
summary-part-missing = در این بخش به بعضی سوال‌ها جواب داده نشده است:
# draft
overview-start = شروع کنید
# draft
overview-continue = ادامه بدهید
# draft
done-fill-again-confirm = یک کاپی از جواب‌های خود را می‌گیرید تا آن را تغییر بدهید. کسانی که به شما مشوره می‌دهند، ثبت تمام‌شدهٔ شما را می‌بینند تا وقتی که ثبت جدید را تمام کنید.
# draft
done-fill-again-yes = بلی، فورم را دوباره پر می‌کنم
# draft
done-fill-again-cancel = نخیر، همین‌طور بماند
# draft
error-session-ended = شما از سیستم خارج شدید. با یک کود جدید دوباره داخل شوید.
# draft
together-banner = ثبت نام همراه با یک مشاور
# draft
together-end = پایان و بازگشت
