# Kartlegg — Arabic (ar). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.

# draft
app-title = سجّل مؤهلاتك
# draft
skip-to-content = انتقل إلى المحتوى
# draft
loading = جارٍ التحميل…
# draft
back = رجوع
# draft
next = التالي
# draft
language-switch = اللغة
# draft
language-choose = اختر اللغة التي تريد استخدامها.

## معلومات قبل تسجيل الدخول
# draft
info-title = كيف تسجّل
# draft
info-why = الجهات العامة التي تقدّم النصيحة عن التدريب والتعليم والعمل تحتاج أن تعرف ما تستطيع أن تفعله. عندها تستطيع أن تساعدك في وضع خطة.
# draft
info-topic-languages = اللغات التي تتكلمها
# draft
info-topic-school = دراستك في المدرسة
# draft
info-topic-work = خبرتك في العمل
# draft
info-topic-activities = الأنشطة التي اعتدت القيام بها
# draft
info-topic-wishes = اهتماماتك ورغباتك في التعليم والعمل
# draft
info-even-if = سجّل حتى لو لم تذهب إلى المدرسة أو لم يكن لديك عمل.
# draft
info-how = تحتاج إلى رقم DUF الخاص بك وإلى رمز. تحصل على الرمز من الموظفين في مركز الاستقبال.
# draft
info-time = يستغرق ذلك حوالي 30 دقيقة. يمكنك أن تأخذ استراحة وتعود ما دام الرمز صالحًا.
# draft
info-rights = من حقك أن ترى ما هو مسجّل عنك، وأن تُصحَّح المعلومات الخاطئة.

## تسجيل الدخول
# draft
login-title = الدخول إلى الاستمارة
# draft
login-intro = اكتب رقم DUF والرمز الذي حصلت عليه من الموظفين.
# draft
login-duf = رقم DUF
# draft
login-duf-hint = 12 رقمًا. تجده على أوراقك من سلطات الهجرة.
# draft
login-code = الرمز الخاص بك
# draft
login-code-hint = 8 أرقام، مثلًا 1234 5678.
# draft
login-submit = الدخول إلى الاستمارة
# draft
login-duf-invalid = اكتب رقم DUF من 12 رقمًا.
# draft
login-code-invalid = اكتب الرمز من 8 أرقام.
# draft
login-failed = رقم DUF أو الرمز غير صحيح، أو أن الرمز لم يعد صالحًا. تحقّق منهما وحاول مرة أخرى، أو اطلب من الموظفين رمزًا جديدًا.
# draft
login-too-many = محاولات كثيرة جدًا. حاول مرة أخرى بعد { $minutes ->
    [zero] { $minutes } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $minutes } دقائق
    [many] { $minutes } دقيقة
   *[other] { $minutes } دقيقة
  }.

## الموافقة
# draft
consent-title = الموافقة
# draft
consent-purpose = تُستخدم المعلومات التي تسجّلها لتقديم النصيحة والعروض لك في التدريب والتعليم والعمل.
# draft
consent-who = لا يراها إلا الأشخاص الذين يقدّمون لك النصيحة في مركز الاستقبال وفي البلدية وفي IMDi.
# draft
consent-not-asylum = لا تُستخدم عند دراسة طلبك للحماية (اللجوء).
# draft
consent-rights = من حقك أن ترى ما هو مسجّل عنك، وأن يُصحَّح أو يُحذف. اسأل الموظفين، أو اكتب إلى IMDi.
# draft
consent-storage = تُحذف المعلومات عندما لا تعود هناك حاجة إليها.
# draft
consent-decline = لا أوافق
# draft
consent-accept = أوافق وأريد التسجيل
# draft
declined-title = لم توافق
# draft
declined-text = لم يُحفظ عنك شيء إلا أنك لم توافق. تم تسجيل خروجك. إذا غيّرت رأيك، اطلب من الموظفين رمزًا جديدًا.
# draft
declined-start-again = اذهب إلى الصفحة الأولى

## الاستمارة
# draft
overview-title = تسجيلك
# draft
overview-intro = التسجيل فيه سبعة أجزاء. اختر جزءًا، أو ابدأ بالجزء الأول.
# draft
overview-link = عرض كل الأجزاء
# draft
overview-to-summary = اذهب إلى الملخص
# draft
progress-not-started = لم يبدأ
# draft
progress-in-progress = قيد التعبئة
# draft
progress-done = تم
# draft
part-of = الجزء { $number } من { $total }
# draft
status-not-answered = لم تتم الإجابة
# draft
status-missing = الإجابة ناقصة
# draft
status-answered = تمت الإجابة
# draft
answer-missing-choice = اختر أحد الخيارات.
# draft
answer-missing-text = اكتب إجابة.
# draft
answer-error-required = أجب عن هذا السؤال.
# draft
answer-error-not_an_option = اختر أحد الخيارات.
# draft
answer-error-too_long = الإجابة طويلة جدًا.
# draft
answer-error-too_few = اختر خيارات أكثر.
# draft
answer-error-too_many = اختر خيارات أقل.
# draft
answer-error-unknown_question = هذا السؤال ليس في الاستمارة.
# draft
answer-error-wrong_type = هذه الإجابة ليست من النوع الصحيح.
# draft
error-summary-title = بعض الإجابات ناقصة
# draft
list-search = ابحث في القائمة
# draft
list-choose = اختر
# draft
group-add = أضف واحدًا آخر
# draft
group-entry = البند { $number }
# draft
group-remove = احذف
# draft
group-removed = تم الحذف.
# draft
group-undo = تراجع
# draft
save-saving = جارٍ الحفظ…
# draft
save-saved = تم الحفظ
# draft
save-pending = لم يُحفظ بعد — سنحاول مرة أخرى
# draft
save-invalid = لم نستطع حفظ بعض الإجابات. انظر الرسائل في الأسفل.
# draft
save-conflict = تغيّرت إجاباتك في نافذة أخرى. حمّلنا أحدث الإجابات.

## الترجمة جنبًا إلى جنب والقراءة بصوت عالٍ
# draft
translate-open = ترجمة الاستمارة
# draft
translate-choose = اعرض الترجمة باللغة
# draft
translate-none = اختر لغة
# draft
translate-hide = إخفاء الترجمة
# draft
read-aloud = اقرأ بصوت عالٍ
# draft
read-aloud-stop = أوقف القراءة

## الملخص والإنهاء
# draft
summary-title = راجع إجاباتك
# draft
summary-edit = تعديل
# draft
summary-next = عندما تُنهي التسجيل، يستطيع الأشخاص الذين يقدّمون لك النصيحة أن يروه. لا يمكنك تغييره بعد ذلك، لكن يمكنك أن تملأ الاستمارة مرة أخرى.
# draft
summary-complete = إنهاء التسجيل
# draft
summary-missing = بعض الإجابات المطلوبة ناقصة. ارجع إلى الأجزاء وأجب عنها.
# draft
done-title = اكتمل تسجيلك
# draft
done-text = شكرًا لك. يستطيع الآن الأشخاص الذين يقدّمون لك النصيحة عن التدريب والتعليم والعمل أن يروا ما سجّلته.
# draft
done-fill-again = املأ الاستمارة مرة أخرى
# draft
logout = تسجيل الخروج

## بياناتي
# draft
my-data-title = بياناتك
# draft
my-data-intro = هذا كل ما يحفظه Kartlegg عنك.
# draft
my-data-person = عنك
# draft
my-data-name = الاسم
# draft
my-data-organisation = الجهة التي تتابعك
# draft
my-data-consents = الموافقات
# draft
my-data-registrations = التسجيلات
# draft
my-data-completed = مكتمل
# draft
my-data-draft = غير مكتمل
# draft
my-data-download = تنزيل كملف
nav-label = حسابك
nav-my-data = بياناتي
my-data-download-html = تنزيل كصفحة للقراءة
my-data-no-answers = لا توجد إجابات بعد.
my-data-consent-accept = وافقت
my-data-consent-decline = لم توافق

## الأخطاء وصفحات أخرى
# draft
error-network = لم نستطع الوصول إلى الخدمة. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.
# draft
error-unexpected = حدث خطأ. حاول مرة أخرى، أو اطلب المساعدة من الموظفين.
# draft
status-title = حالة الخدمة
# draft
status-checking = جارٍ فحص الخدمة…
# draft
status-ready = الخدمة جاهزة.
# draft
status-unavailable = الخدمة غير متاحة الآن. حاول مرة أخرى لاحقًا.
# draft
not-found-title = الصفحة غير موجودة
# draft
not-found-home = اذهب إلى الصفحة الأولى

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = اكتب العدد بالأرقام فقط.
# draft
answer-error-too_small = الرقم صغير جدًا. اكتب رقمًا من { $min } إلى { $max }.
# draft
answer-error-too_large = الرقم كبير جدًا. اكتب رقمًا من { $min } إلى { $max }.
# draft
answer-error-other = تحقّق من هذه الإجابة.
# draft
error-summary-attention = بعض الإجابات تحتاج إلى مراجعة
# draft
number-range = رقم من { $min } إلى { $max }
# draft
year-range = سنة من { $min } إلى { $max }
# draft
group-missing = أضف واحدًا على الأقل.
# draft
save-conflict-same-part = غيّرت هذا الجزء أيضًا في نافذة أخرى. أيّ الإجابات تريد أن تحتفظ بها؟
# draft
save-conflict-keep-mine = احتفظ بالإجابات في هذه الصفحة
# draft
save-conflict-take-theirs = استخدم الإجابات من النافذة الأخرى
# draft
summary-part-missing = بعض الإجابات ناقصة في هذا الجزء:
# draft
overview-start = ابدأ
# draft
overview-continue = تابِع
# draft
done-fill-again-confirm = تحصل على نسخة من إجاباتك لتغييرها. يرى الأشخاص الذين يقدّمون لك النصيحة تسجيلك المكتمل حتى تُنهي التسجيل الجديد.
# draft
done-fill-again-yes = نعم، املأ الاستمارة مرة أخرى
# draft
done-fill-again-cancel = لا، اتركه كما هو
# draft
error-session-ended = تم تسجيل خروجك. سجّل الدخول مرة أخرى برمز جديد.
# draft
together-banner = التسجيل مع مستشار
# draft
together-end = إنهاء والعودة
