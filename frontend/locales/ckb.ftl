# Kartlegg — Central Kurdish (Sorani) (ckb). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.
# draft
app-title = تواناکانی خۆتان تۆمار بکەن
# draft
skip-to-content = بازدان بۆ ناوەڕۆک
# draft
loading = بار دەکرێت…
# draft
back = گەڕانەوە
# draft
next = دواتر
# draft
language-switch = زمان
# draft
language-choose = ئەو زمانە هەڵبژێرن کە دەتانەوێت بەکاری بهێنن.

## Information before login
# draft
info-title = چۆن تۆمار بکەن
# draft
info-why = ئەو دەزگا گشتییانەی کە ئامۆژگاری خەڵک دەکەن سەبارەت بە ڕاهێنان، خوێندن و کار، پێویستە بزانن ئێوە چی دەتوانن بکەن. ئەوکات دەتوانن یارمەتیتان بدەن پلانێک دابنێن.
# draft
info-topic-languages = بە چ زمانێک قسە دەکەن
# draft
info-topic-school = خوێندنی قوتابخانەتان
# draft
info-topic-work = ئەزموونی کارتان
# draft
info-topic-activities = ئەو کارانەی کە ڕاهاتوون بیکەن
# draft
info-topic-wishes = حەز و ئارەزووەکانتان بۆ خوێندن و کار
# draft
info-even-if = تەنانەت ئەگەر نەچووبنە قوتابخانە یان کارتان نەکردبێت، خۆتان تۆمار بکەن.
# draft
info-how = پێویستتان بە ژمارەی DUF و کۆدێک هەیە. کۆدەکە لە کارمەندانی ناوەندی وەرگرتن وەردەگرن.
# draft
info-time = نزیکەی 30 خولەک دەخایەنێت. دەتوانن پشوو بدەن و دواتر بگەڕێنەوە، تا کاتێک کۆدەکەتان کارایە.
# draft
info-rights = مافی ئەوەتان هەیە ببینن چی دەربارەی ئێوە تۆمار کراوە، و زانیاریی هەڵە ڕاست بکرێتەوە.

## Login
# draft
login-title = چوونەژوورەوە بۆ فۆڕمەکە
# draft
login-intro = ژمارەی DUF و ئەو کۆدەی لە کارمەندانتان وەرگرتووە بنووسن.
# draft
login-duf = ژمارەی DUF
# draft
login-duf-hint = 12 ژمارە. لەسەر ئەو کاغەزانە دەیدۆزنەوە کە لە دەزگای کۆچبەرییەوە وەرتانگرتووە.
# draft
login-code = کۆدەکەتان
# draft
login-code-hint = 8 ژمارە، بۆ نموونە 1234 5678.
# draft
login-submit = چوونەژوورەوە بۆ فۆڕمەکە
# draft
login-duf-invalid = ژمارەی DUF بە 12 ژمارە بنووسن.
# draft
login-code-invalid = کۆدەکە بە 8 ژمارە بنووسن.
# draft
login-failed = ژمارەی DUF یان کۆدەکە ڕاست نییە، یان کۆدەکە چیتر کارا نییە. بیانپشکنن و دووبارە هەوڵ بدەنەوە، یان داوای کۆدێکی نوێ لە کارمەندان بکەن.
# draft
login-too-many = زۆر جار هەوڵتان دا. دوای { $minutes ->
    [one] 1 خولەک
   *[other] { $minutes } خولەک
  } دووبارە هەوڵ بدەنەوە.

## Consent
# draft
consent-title = ڕەزامەندی
# draft
consent-purpose = ئەو زانیارییانەی تۆماری دەکەن بەکاردەهێنرێن بۆ ئەوەی ئامۆژگاری و دەرفەتتان پێ بدرێت سەبارەت بە ڕاهێنان، خوێندن و کار.
# draft
consent-who = تەنها ئەو کەسانەی لە ناوەندی وەرگرتن، لە شارەوانی و لە IMDi ئامۆژگاریتان دەکەن دەتوانن بیبینن.
# draft
consent-not-asylum = بۆ بڕیاردان لەسەر داواکاریی پاراستنی (پەنابەریی) ئێوە بەکارناهێنرێت.
# draft
consent-rights = مافی ئەوەتان هەیە ببینن چی دەربارەی ئێوە تۆمار کراوە، و داوا بکەن ڕاست بکرێتەوە یان بسڕدرێتەوە. لە کارمەندان بپرسن، یان بۆ IMDi بنووسن.
# draft
consent-storage = زانیارییەکان دەسڕدرێنەوە کاتێک چیتر پێویست نەبن.
# draft
consent-decline = ڕەزامەند نیم
# draft
consent-accept = ڕەزامەندم و دەمەوێت تۆمار بکەم
# draft
declined-title = ڕەزامەندیتان نەدا
# draft
declined-text = جگە لەوەی کە ڕەزامەندیتان نەداوە، هیچی تر دەربارەی ئێوە هەڵنەگیراوە. لە سیستەمەکە چوونەتە دەرەوە. ئەگەر بیرتان گۆڕی، داوای کۆدێکی نوێ لە کارمەندان بکەن.
# draft
declined-start-again = بڕۆن بۆ پەڕەی سەرەکی

## The form
# draft
overview-title = تۆمارەکەتان
# draft
overview-intro = تۆمارەکە حەوت بەشی هەیە. بەشێک هەڵبژێرن، یان لە بەشی یەکەمەوە دەست پێ بکەن.
# draft
overview-link = هەموو بەشەکان ببینن
# draft
overview-to-summary = بڕۆن بۆ پوختە
# draft
progress-not-started = دەستی پێ نەکراوە
# draft
progress-in-progress = بەردەوامە
# draft
progress-done = تەواو بوو
# draft
part-of = بەشی { $number } لە { $total }
# draft
status-not-answered = وەڵام نەدراوەتەوە
# draft
status-missing = وەڵام پێویستە
# draft
status-answered = وەڵام دراوەتەوە
# draft
answer-missing-choice = یەکێک لە بژاردەکان هەڵبژێرن.
# draft
answer-missing-text = وەڵامێک بنووسن.
# draft
answer-error-required = وەڵامی ئەم پرسیارە بدەنەوە.
# draft
answer-error-not_an_option = یەکێک لە بژاردەکان هەڵبژێرن.
# draft
answer-error-too_long = وەڵامەکە زۆر درێژە.
# draft
answer-error-too_few = بژاردەی زیاتر هەڵبژێرن.
# draft
answer-error-too_many = بژاردەی کەمتر هەڵبژێرن.
# draft
answer-error-unknown_question = ئەم پرسیارە لە فۆڕمەکەدا نییە.
# draft
answer-error-wrong_type = جۆری ئەم وەڵامە هەڵەیە.
# draft
error-summary-title = هەندێک وەڵام نەدراونەتەوە
# draft
list-search = لە لیستەکەدا بگەڕێن
# draft
list-choose = هەڵبژێرن
# draft
group-add = یەکێکی تر زیاد بکەن
# draft
group-entry = بڕگەی { $number }
# draft
group-remove = لابردن
# draft
group-removed = لابرا.
# draft
group-undo = پاشگەزبوونەوە
# draft
save-saving = پاشەکەوت دەکرێت…
# draft
save-saved = پاشەکەوت کرا
# draft
save-pending = هێشتا پاشەکەوت نەکراوە — دووبارە هەوڵ دەدرێتەوە
# draft
save-invalid = هەندێک وەڵام پاشەکەوت نەکران. سەیری پەیامەکانی خوارەوە بکەن.
# draft
save-conflict = وەڵامەکانتان لە پەنجەرەیەکی تردا گۆڕدران. نوێترین وەڵامەکانمان بار کرد.

## Side-by-side translation and reading aloud
# draft
translate-open = وەرگێڕانی فۆڕمەکە
# draft
translate-choose = پیشاندانی وەرگێڕان بە زمانی
# draft
translate-none = زمانێک هەڵبژێرن
# draft
translate-hide = شاردنەوەی وەرگێڕان
# draft
read-aloud = خوێندنەوە بە دەنگی بەرز
# draft
read-aloud-stop = ڕاگرتنی خوێندنەوە

## Summary and completion
# draft
summary-title = وەڵامەکانتان بپشکنن
# draft
summary-edit = دەستکاری
# draft
summary-next = کاتێک تۆمارەکە تەواو دەکەن، ئەو کەسانەی ئامۆژگاریتان دەکەن دەتوانن بیبینن. دواتر ناتوانن بیگۆڕن، بەڵام دەتوانن دووبارە فۆڕمەکە پڕ بکەنەوە.
# draft
summary-complete = تەواوکردنی تۆمار
# draft
summary-missing = هەندێک وەڵامی پێویست نەدراونەتەوە. بگەڕێنەوە بۆ بەشەکان و وەڵامیان بدەنەوە.
# draft
done-title = تۆمارەکەتان تەواو بوو
# draft
done-text = سوپاس. ئەو کەسانەی سەبارەت بە ڕاهێنان، خوێندن و کار ئامۆژگاریتان دەکەن، ئێستا دەتوانن ئەوەی تۆمارتان کردووە ببینن.
# draft
done-fill-again = دووبارە فۆڕمەکە پڕ بکەنەوە
# draft
logout = چوونەدەرەوە

## My data
# draft
my-data-title = زانیارییەکانتان
# draft
my-data-intro = ئەمە هەموو ئەو زانیارییانەیە کە Kartlegg دەربارەی ئێوە هەیەتی.
# draft
my-data-person = دەربارەی ئێوە
# draft
my-data-name = ناو
# draft
my-data-organisation = بەدواداچوون لەلایەن
# draft
my-data-consents = ڕەزامەندییەکان
# draft
my-data-registrations = تۆمارەکان
# draft
my-data-completed = تەواوکراو
# draft
my-data-draft = تەواو نەکراو
# draft
my-data-download = داگرتن وەک فایل
nav-label = هەژمارەکەتان
nav-my-data = زانیارییەکانم
my-data-download-html = داگرتن وەک پەڕەیەک بۆ خوێندنەوە
my-data-no-answers = هێشتا هیچ وەڵامێک نییە.
my-data-consent-accept = ڕەزامەندیت دا
my-data-consent-decline = ڕەزامەندیت نەدا

## Errors and other pages
# draft
error-network = نەمانتوانی بگەینە خزمەتگوزارییەکە. پەیوەندیی ئینتەرنێتەکەتان بپشکنن و دووبارە هەوڵ بدەنەوە.
# draft
error-unexpected = هەڵەیەک ڕوویدا. دووبارە هەوڵ بدەنەوە، یان داوای یارمەتی لە کارمەندان بکەن.
# draft
status-title = دۆخی خزمەتگوزاری
# draft
status-checking = خزمەتگوزارییەکە دەپشکنرێت…
# draft
status-ready = خزمەتگوزارییەکە ئامادەیە.
# draft
status-unavailable = خزمەتگوزارییەکە ئێستا بەردەست نییە. دواتر هەوڵ بدەنەوە.
# draft
not-found-title = پەڕەکە نەدۆزرایەوە
# draft
not-found-home = بڕۆن بۆ پەڕەی سەرەکی

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = ژمارەکە تەنها بە ژمارە بنووسن.
# draft
answer-error-too_small = ژمارەکە زۆر بچووکە. ژمارەیەک لە { $min } تا { $max } بنووسن.
# draft
answer-error-too_large = ژمارەکە زۆر گەورەیە. ژمارەیەک لە { $min } تا { $max } بنووسن.
# draft
answer-error-other = ئەم وەڵامە بپشکنن.
# draft
error-summary-attention = هەندێک وەڵام پێویستیان بە پشکنین هەیە
# draft
number-range = ژمارەیەک لە { $min } تا { $max }
# draft
year-range = ساڵێک لە { $min } تا { $max }
# draft
group-missing = لانیکەم یەکێک زیاد بکەن.
# draft
save-conflict-same-part = ئەم بەشەتان لە پەنجەرەیەکی تریشدا گۆڕی. دەتانەوێت کام وەڵامانە بهێڵنەوە؟
# draft
save-conflict-keep-mine = وەڵامەکانی ئەم پەڕەیە بهێڵنەوە
# draft
save-conflict-take-theirs = وەڵامەکانی پەنجەرەکەی تر بەکاربهێنن
# draft
summary-part-missing = هەندێک وەڵام لەم بەشەدا نەدراونەتەوە:
# draft
overview-start = دەست پێ بکەن
# draft
overview-continue = بەردەوام بن
# draft
done-fill-again-confirm = کۆپییەک لە وەڵامەکانتان وەردەگرن بۆ ئەوەی بیگۆڕن. ئەو کەسانەی ئامۆژگاریتان دەکەن تۆمارە تەواوکراوەکەتان دەبینن تا تۆمارە نوێیەکە تەواو دەکەن.
# draft
done-fill-again-yes = بەڵێ، دووبارە فۆڕمەکە پڕ بکەنەوە
# draft
done-fill-again-cancel = نەخێر، وەک خۆی بیهێڵنەوە
# draft
error-session-ended = لە سیستەمەکە چوونەتە دەرەوە. بە کۆدێکی نوێ دووبارە بچنە ژوورەوە.
# draft
together-banner = تۆمارکردن لەگەڵ ڕاوێژکارێک
# draft
together-end = تەواوکردن و گەڕانەوە
