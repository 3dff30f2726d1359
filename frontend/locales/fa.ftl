# Kartlegg — Persian (Farsi) (fa). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.
# draft
app-title = مهارت‌ها و سوابق خود را ثبت کنید
# draft
skip-to-content = رفتن به محتوای اصلی
# draft
loading = در حال بارگذاری…
# draft
back = بازگشت
# draft
next = بعدی
# draft
language-switch = زبان
# draft
language-choose = زبانی را که می‌خواهید استفاده کنید انتخاب کنید.

## اطلاعات پیش از ورود
# draft
info-title = چگونه ثبت کنید
# draft
info-why = نهادهای دولتی که دربارهٔ آموزش، تحصیل و کار به مردم مشاوره می‌دهند، باید بدانند شما چه کارهایی بلدید. آن‌وقت می‌توانند به شما کمک کنند تا برنامه‌ریزی کنید.
# draft
info-topic-languages = به چه زبان‌هایی صحبت می‌کنید
# draft
info-topic-school = درس و مدرسهٔ شما
# draft
info-topic-work = سابقهٔ کار شما
# draft
info-topic-activities = چه کارهایی را معمولاً انجام می‌دادید
# draft
info-topic-wishes = علاقه‌ها و خواسته‌های شما برای تحصیل و کار
# draft
info-even-if = حتی اگر به مدرسه نرفته‌اید یا کار نکرده‌اید، ثبت کنید.
# draft
info-how = شما به شمارهٔ DUF و یک کد نیاز دارید. کد را از کارکنان مرکز پذیرش پناهجویان می‌گیرید.
# draft
info-time = حدود 30 دقیقه طول می‌کشد. می‌توانید استراحت کنید و تا وقتی کد شما معتبر است، دوباره برگردید.
# draft
info-rights = شما حق دارید ببینید چه اطلاعاتی دربارهٔ شما ثبت شده است و بخواهید اطلاعات نادرست اصلاح شود.

## ورود
# draft
login-title = ورود به فرم
# draft
login-intro = شمارهٔ DUF و کدی را که از کارکنان گرفته‌اید بنویسید.
# draft
login-duf = شمارهٔ DUF
# draft
login-duf-hint = 12 رقم. آن را روی مدارکی که از ادارهٔ مهاجرت گرفته‌اید پیدا می‌کنید.
# draft
login-code = کد شما
# draft
login-code-hint = 8 رقم، برای مثال 1234 5678.
# draft
login-submit = ورود به فرم
# draft
login-duf-invalid = شمارهٔ DUF را با 12 رقم بنویسید.
# draft
login-code-invalid = کد را با 8 رقم بنویسید.
# draft
login-failed = شمارهٔ DUF یا کد درست نیست، یا کد دیگر معتبر نیست. آن‌ها را بررسی کنید و دوباره امتحان کنید، یا از کارکنان یک کد جدید بخواهید.
# draft
login-too-many = تعداد تلاش‌ها زیاد بود. بعد از { $minutes ->
   *[other] { $minutes } دقیقه
  } دوباره امتحان کنید.

## رضایت
# draft
consent-title = رضایت
# draft
consent-purpose = از اطلاعاتی که ثبت می‌کنید برای مشاوره و پیشنهادهایی دربارهٔ آموزش، تحصیل و کار به شما استفاده می‌شود.
# draft
consent-who = فقط کسانی که در مرکز پذیرش پناهجویان، شهرداری و IMDi به شما مشاوره می‌دهند می‌توانند آن را ببینند.
# draft
consent-not-asylum = هنگام بررسی درخواست حمایت (پناهندگی) شما از این اطلاعات استفاده نمی‌شود.
# draft
consent-rights = شما حق دارید ببینید چه اطلاعاتی دربارهٔ شما ثبت شده است و بخواهید آن اصلاح یا پاک شود. از کارکنان بپرسید، یا به IMDi نامه بنویسید.
# draft
consent-storage = وقتی دیگر به اطلاعات نیازی نباشد، پاک می‌شود.
# draft
consent-decline = رضایت نمی‌دهم
# draft
consent-accept = رضایت می‌دهم و می‌خواهم ثبت کنم
# draft
declined-title = شما رضایت ندادید
# draft
declined-text = دربارهٔ شما چیزی ذخیره نشده است جز اینکه رضایت ندادید. شما از سیستم خارج شدید. اگر نظرتان عوض شد، از کارکنان یک کد جدید بخواهید.
# draft
declined-start-again = رفتن به صفحهٔ اول

## فرم
# draft
overview-title = ثبت اطلاعات شما
# draft
overview-intro = ثبت اطلاعات هفت بخش دارد. یک بخش را انتخاب کنید، یا از بخش اول شروع کنید.
# draft
overview-link = دیدن همهٔ بخش‌ها
# draft
overview-to-summary = رفتن به خلاصه
# draft
progress-not-started = شروع نشده
# draft
progress-in-progress = در حال انجام
# draft
progress-done = تمام شده
# draft
part-of = بخش { $number } از { $total }
# draft
status-not-answered = پاسخ داده نشده
# draft
status-missing = پاسخ لازم است
# draft
status-answered = پاسخ داده شده
# draft
answer-missing-choice = یکی از گزینه‌ها را انتخاب کنید.
# draft
answer-missing-text = یک پاسخ بنویسید.
# draft
answer-error-required = به این سؤال پاسخ دهید.
# draft
answer-error-not_an_option = یکی از گزینه‌ها را انتخاب کنید.
# draft
answer-error-too_long = پاسخ خیلی طولانی است.
# draft
answer-error-too_few = گزینه‌های بیشتری انتخاب کنید.
# draft
answer-error-too_many = گزینه‌های کمتری انتخاب کنید.
# draft
answer-error-unknown_question = این سؤال در فرم نیست.
# draft
answer-error-wrong_type = این پاسخ از نوع درست نیست.
# draft
error-summary-title = به بعضی سؤال‌ها پاسخ داده نشده است
# draft
list-search = جستجو در فهرست
# draft
list-choose = انتخاب کنید
# draft
group-add = افزودن یک مورد دیگر
# draft
group-entry = مورد { $number }
# draft
group-remove = حذف
# draft
group-removed = حذف شد.
# draft
group-undo = برگرداندن
# draft
save-saving = در حال ذخیره…
# draft
save-saved = ذخیره شد
# draft
save-pending = هنوز ذخیره نشده — دوباره امتحان می‌کنیم
# draft
save-invalid = بعضی پاسخ‌ها ذخیره نشد. پیام‌های زیر را ببینید.
# draft
save-conflict = پاسخ‌های شما در پنجرهٔ دیگری تغییر کرد. جدیدترین پاسخ‌ها را بارگذاری کردیم.

## ترجمه در کنار متن و خواندن با صدای بلند
# draft
translate-open = ترجمهٔ فرم
# draft
translate-choose = نمایش ترجمه به زبان
# draft
translate-none = یک زبان انتخاب کنید
# draft
translate-hide = پنهان کردن ترجمه
# draft
read-aloud = خواندن با صدای بلند
# draft
read-aloud-stop = توقف خواندن

## خلاصه و پایان
# draft
summary-title = پاسخ‌های خود را بررسی کنید
# draft
summary-edit = ویرایش
# draft
summary-next = وقتی ثبت را تمام کنید، کسانی که به شما مشاوره می‌دهند می‌توانند آن را ببینند. بعد از آن نمی‌توانید آن را تغییر دهید، اما می‌توانید فرم را دوباره پر کنید.
# draft
summary-complete = تمام کردن ثبت
# draft
summary-missing = به بعضی سؤال‌های لازم پاسخ داده نشده است. به بخش‌ها برگردید و به آن‌ها پاسخ دهید.
# draft
done-title = ثبت اطلاعات شما تمام شد
# draft
done-text = متشکریم. کسانی که دربارهٔ آموزش، تحصیل و کار به شما مشاوره می‌دهند، اکنون می‌توانند آنچه را ثبت کردید ببینند.
# draft
done-fill-again = پر کردن دوبارهٔ فرم
# draft
logout = خروج

## اطلاعات من
# draft
my-data-title = اطلاعات شما
# draft
my-data-intro = این همهٔ اطلاعاتی است که Kartlegg دربارهٔ شما دارد.
# draft
my-data-person = دربارهٔ شما
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
my-data-download = دانلود به صورت فایل
nav-label = حساب شما
nav-my-data = اطلاعات من
my-data-download-html = دانلود به صورت صفحه‌ای برای خواندن
my-data-no-answers = هنوز پاسخی نیست.
my-data-consent-accept = رضایت دادید
my-data-consent-decline = رضایت ندادید

## خطاها و صفحه‌های دیگر
# draft
error-network = نتوانستیم به سرویس وصل شویم. اتصال اینترنت خود را بررسی کنید و دوباره امتحان کنید.
# draft
error-unexpected = مشکلی پیش آمد. دوباره امتحان کنید، یا از کارکنان کمک بخواهید.
# draft
status-title = وضعیت سرویس
# draft
status-checking = در حال بررسی سرویس…
# draft
status-ready = سرویس آماده است.
# draft
status-unavailable = سرویس در حال حاضر در دسترس نیست. بعداً دوباره امتحان کنید.
# draft
not-found-title = صفحه پیدا نشد
# draft
not-found-home = رفتن به صفحهٔ اول

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = عدد را فقط با رقم بنویسید.
# draft
answer-error-too_small = عدد خیلی کوچک است. عددی از { $min } تا { $max } بنویسید.
# draft
answer-error-too_large = عدد خیلی بزرگ است. عددی از { $min } تا { $max } بنویسید.
# draft
answer-error-other = این پاسخ را بررسی کنید.
# draft
error-summary-attention = بعضی پاسخ‌ها باید بررسی شوند
# draft
number-range = عددی از { $min } تا { $max }
# draft
year-range = سالی از { $min } تا { $max }
# draft
group-missing = دست‌کم یک مورد اضافه کنید.
# draft
save-conflict-same-part = شما این بخش را در پنجرهٔ دیگری هم تغییر دادید. کدام پاسخ‌ها را می‌خواهید نگه دارید؟
# draft
save-conflict-keep-mine = نگه داشتن پاسخ‌های این صفحه
# draft
save-conflict-take-theirs = استفاده از پاسخ‌های پنجرهٔ دیگر
# draft
summary-part-missing = در این بخش به بعضی سؤال‌ها پاسخ داده نشده است:
# draft
overview-start = شروع
# draft
overview-continue = ادامه
# draft
done-fill-again-confirm = یک نسخه از پاسخ‌هایتان می‌گیرید تا آن را تغییر دهید. کسانی که به شما مشاوره می‌دهند، ثبت تمام‌شدهٔ شما را می‌بینند تا وقتی ثبت جدید را تمام کنید.
# draft
done-fill-again-yes = بله، فرم را دوباره پر می‌کنم
# draft
done-fill-again-cancel = نه، همین‌طور بماند
# draft
error-session-ended = شما از سیستم خارج شدید. با یک کد جدید دوباره وارد شوید.
# draft
together-banner = ثبت‌نام همراه با یک مشاور
# draft
together-end = پایان و بازگشت
