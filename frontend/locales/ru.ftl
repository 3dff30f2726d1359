# Kartlegg — Russian (ru). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.

# draft
app-title = Зарегистрируйте свои знания и опыт
# draft
skip-to-content = Перейти к содержанию
# draft
loading = Загрузка…
# draft
back = Назад
# draft
next = Далее
# draft
language-switch = Язык
# draft
language-choose = Выберите язык, на котором вы хотите работать.

## Информация перед входом
# draft
info-title = Как пройти регистрацию
# draft
info-why = Государственным службам, которые дают советы об обучении, образовании и работе, нужно знать, что вы умеете. Тогда они смогут помочь вам составить план.
# draft
info-topic-languages = на каких языках вы говорите
# draft
info-topic-school = ваша учёба в школе
# draft
info-topic-work = ваш опыт работы
# draft
info-topic-activities = какими делами вы привыкли заниматься
# draft
info-topic-wishes = ваши интересы и пожелания об образовании и работе
# draft
info-even-if = Пройдите регистрацию, даже если вы не ходили в школу и не работали.
# draft
info-how = Вам нужен ваш номер DUF и код. Код вам дадут сотрудники вашего центра приёма.
# draft
info-time = Это займёт около 30 минут. Вы можете сделать перерыв и вернуться, пока ваш код действует.
# draft
info-rights = Вы имеете право видеть, что о вас зарегистрировано, и исправить неверные сведения.

## Вход
# draft
login-title = Войти в анкету
# draft
login-intro = Напишите ваш номер DUF и код, который вам дали сотрудники.
# draft
login-duf = Номер DUF
# draft
login-duf-hint = 12 цифр. Он есть в ваших документах от миграционных властей.
# draft
login-code = Ваш код
# draft
login-code-hint = 8 цифр, например 1234 5678.
# draft
login-submit = Войти в анкету
# draft
login-duf-invalid = Напишите номер DUF из 12 цифр.
# draft
login-code-invalid = Напишите код из 8 цифр.
# draft
login-failed = Номер DUF или код неверный, или код больше не действует. Проверьте их и попробуйте снова или попросите у сотрудников новый код.
# draft
login-too-many = Слишком много попыток. Попробуйте снова через { $minutes ->
    [one] { $minutes } минуту
    [few] { $minutes } минуты
    [many] { $minutes } минут
   *[other] { $minutes } минуты
  }.

## Согласие
# draft
consent-title = Согласие
# draft
consent-purpose = Сведения, которые вы регистрируете, используются, чтобы давать вам советы и предложения об обучении, образовании и работе.
# draft
consent-who = Их видят только те, кто даёт вам советы в центре приёма, в коммуне и в IMDi.
# draft
consent-not-asylum = Они не используются, когда рассматривают ваше заявление о защите (убежище).
# draft
consent-rights = Вы имеете право видеть, что о вас зарегистрировано, и исправить или удалить это. Спросите сотрудников или напишите в IMDi.
# draft
consent-storage = Сведения удаляются, когда они больше не нужны.
# draft
consent-decline = Я не даю согласия
# draft
consent-accept = Я даю согласие и хочу пройти регистрацию
# draft
declined-title = Вы не дали согласия
# draft
declined-text = О вас сохранено только то, что вы не дали согласия. Вы вышли из системы. Если вы передумаете, попросите у сотрудников новый код.
# draft
declined-start-again = Перейти на главную страницу

## Анкета
# draft
overview-title = Ваша регистрация
# draft
overview-intro = Регистрация состоит из семи частей. Выберите часть или начните с первой.
# draft
overview-link = Посмотреть все части
# draft
overview-to-summary = Перейти к итогам
# draft
progress-not-started = Не начато
# draft
progress-in-progress = В процессе
# draft
progress-done = Готово
# draft
part-of = Часть { $number } из { $total }
# draft
status-not-answered = Нет ответа
# draft
status-missing = Не хватает ответа
# draft
status-answered = Есть ответ
# draft
answer-missing-choice = Выберите один из вариантов.
# draft
answer-missing-text = Напишите ответ.
# draft
answer-error-required = Ответьте на этот вопрос.
# draft
answer-error-not_an_option = Выберите один из вариантов.
# draft
answer-error-too_long = Ответ слишком длинный.
# draft
answer-error-too_few = Выберите больше вариантов.
# draft
answer-error-too_many = Выберите меньше вариантов.
# draft
answer-error-unknown_question = Этого вопроса нет в анкете.
# draft
answer-error-wrong_type = Этот ответ неподходящего вида.
# draft
error-summary-title = Не хватает некоторых ответов
# draft
list-search = Поиск по списку
# draft
list-choose = Выбрать
# draft
group-add = Добавить ещё
# draft
group-entry = Запись { $number }
# draft
group-remove = Удалить
# draft
group-removed = Удалено.
# draft
group-undo = Отменить
# draft
save-saving = Сохранение…
# draft
save-saved = Сохранено
# draft
save-pending = Ещё не сохранено — попробуем снова
# draft
save-invalid = Некоторые ответы не удалось сохранить. Смотрите сообщения ниже.
# draft
save-conflict = Ваши ответы были изменены в другом окне. Мы загрузили самые новые ответы.

## Перевод рядом и чтение вслух
# draft
translate-open = Перевести анкету
# draft
translate-choose = Показать перевод на
# draft
translate-none = Выберите язык
# draft
translate-hide = Скрыть перевод
# draft
read-aloud = Читать вслух
# draft
read-aloud-stop = Остановить чтение

## Итоги и завершение
# draft
summary-title = Проверьте свои ответы
# draft
summary-edit = Изменить
# draft
summary-next = Когда вы завершите регистрацию, её смогут увидеть те, кто даёт вам советы. Потом изменить её будет нельзя, но вы сможете заполнить анкету ещё раз.
# draft
summary-complete = Завершить регистрацию
# draft
summary-missing = Не хватает некоторых обязательных ответов. Вернитесь к частям анкеты и ответьте на них.
# draft
done-title = Ваша регистрация завершена
# draft
done-text = Спасибо. Теперь те, кто даёт вам советы об обучении, образовании и работе, могут видеть, что вы зарегистрировали.
# draft
done-fill-again = Заполнить анкету ещё раз
# draft
logout = Выйти

## Мои данные
# draft
my-data-title = Ваши данные
# draft
my-data-intro = Это всё, что Kartlegg хранит о вас.
# draft
my-data-person = О вас
# draft
my-data-name = Имя
# draft
my-data-organisation = Кто вас сопровождает
# draft
my-data-consents = Согласия
# draft
my-data-registrations = Регистрации
# draft
my-data-completed = Завершена
# draft
my-data-draft = Не завершена
# draft
my-data-download = Скачать файлом
nav-label = Ваш аккаунт
nav-my-data = Мои данные
my-data-download-html = Скачать страницу для чтения
my-data-no-answers = Ответов пока нет.
my-data-consent-accept = Вы дали согласие
my-data-consent-decline = Вы не дали согласия

## Ошибки и другие страницы
# draft
error-network = Не удалось связаться со службой. Проверьте подключение к интернету и попробуйте снова.
# draft
error-unexpected = Что-то пошло не так. Попробуйте снова или попросите помощи у сотрудников.
# draft
status-title = Состояние службы
# draft
status-checking = Проверяем службу…
# draft
status-ready = Служба работает.
# draft
status-unavailable = Служба сейчас недоступна. Попробуйте позже.
# draft
not-found-title = Страница не найдена
# draft
not-found-home = Перейти на главную страницу

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = Напишите число только цифрами.
# draft
answer-error-too_small = Число слишком маленькое. Напишите число от { $min } до { $max }.
# draft
answer-error-too_large = Число слишком большое. Напишите число от { $min } до { $max }.
# draft
answer-error-other = Проверьте этот ответ.
# draft
error-summary-attention = Проверьте некоторые ответы
# draft
number-range = Число от { $min } до { $max }
# draft
year-range = Год от { $min } до { $max }
# draft
group-missing = Добавьте хотя бы одну запись.
# draft
save-conflict-same-part = Вы также изменили эту часть в другом окне. Какие ответы вы хотите оставить?
# draft
save-conflict-keep-mine = Оставить ответы на этой странице
# draft
save-conflict-take-theirs = Взять ответы из другого окна
# draft
summary-part-missing = В этой части не хватает некоторых ответов:
# draft
overview-start = Начать
# draft
overview-continue = Продолжить
# draft
done-fill-again-confirm = Вы получите копию своих ответов, чтобы изменить их. Те, кто даёт вам советы, видят вашу завершённую регистрацию, пока вы не завершите новую.
# draft
done-fill-again-yes = Да, заполнить анкету ещё раз
# draft
done-fill-again-cancel = Нет, оставить как есть
# draft
error-session-ended = Вы вышли из системы. Войдите снова с новым кодом.
# draft
together-banner = Регистрация вместе с консультантом
# draft
together-end = Завершить и вернуться
