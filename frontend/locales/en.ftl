# Kartlegg — English. The default and fallback language: every key lives here.
app-title = Register your qualifications
skip-to-content = Skip to content
loading = Loading…
back = Back
next = Next
language-switch = Language
language-choose = Choose the language you want to use.

## Information before login
info-title = How to register
info-why = Public agencies that advise people about training, education and work need to know what you can do. Then they can help you make a plan.
info-topic-languages = what languages you speak
info-topic-school = your schooling
info-topic-work = your work experience
info-topic-activities = what activities you are used to doing
info-topic-wishes = your interests and wishes for education and work
info-even-if = Register even if you have not gone to school or had a job.
info-how = You need your DUF-number and a code. You get the code from the staff at your reception centre.
info-time = It takes about 30 minutes. You can take a break and come back while your code is valid.
info-rights = You have the right to see what is registered about you and to have wrong information corrected.

## Login
login-title = Log in to the form
login-intro = Write your DUF-number and the code you got from the staff.
login-duf = DUF-number
login-duf-hint = 12 digits. You find it on your papers from the immigration authorities.
login-code = Your code
login-code-hint = 8 digits, for example 1234 5678.
login-submit = Log in to the form
login-duf-invalid = Write the DUF-number with 12 digits.
login-code-invalid = Write the code with 8 digits.
login-failed = The DUF-number or the code is not right, or the code is no longer valid. Check them and try again, or ask the staff for a new code.
login-too-many = Too many tries. Try again in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
  }.

## Consent
consent-title = Consent
consent-purpose = The information you register is used to give you advice and offers about training, education and work.
consent-who = Only the people who advise you at the reception centre, in the municipality and at IMDi can see it.
consent-not-asylum = It is not used when your application for protection (asylum) is considered.
consent-rights = You have the right to see what is registered about you, and to have it corrected or deleted. Ask the staff, or write to IMDi.
consent-storage = The information is deleted when it is no longer needed.
consent-decline = I do not consent
consent-accept = I consent and want to register
declined-title = You did not consent
declined-text = Nothing more has been stored about you than that you did not consent. You are logged out. If you change your mind, ask the staff for a new code.
declined-start-again = Go to the start page

## The form
overview-title = Your registration
overview-intro = The registration has seven parts. Choose a part, or start with the first.
overview-link = See all parts
overview-to-summary = Go to the summary
progress-not-started = Not started
progress-in-progress = In progress
progress-done = Done
part-of = Part { $number } of { $total }
status-not-answered = Not answered
status-missing = Answer missing
status-answered = Answered
answer-missing-choice = Choose one of the options.
answer-missing-text = Write an answer.
answer-error-required = Answer this question.
answer-error-not_an_option = Choose one of the options.
answer-error-too_long = The answer is too long.
answer-error-too_few = Choose more options.
answer-error-too_many = Choose fewer options.
answer-error-unknown_question = This question is not in the form.
answer-error-wrong_type = This answer is not of the right kind.
error-summary-title = Some answers are missing
list-search = Search in the list
list-choose = Choose
group-add = Add another
group-entry = Entry { $number }
group-remove = Remove
group-removed = Removed.
group-undo = Undo
save-saving = Saving…
save-saved = Saved
save-pending = Not saved yet — will try again
save-invalid = Some answers could not be saved. See the messages below.
save-conflict = Your answers were changed in another window. We have loaded the newest answers.

## Side-by-side translation and reading aloud
translate-open = Translate form
translate-choose = Show a translation in
translate-none = Choose a language
translate-hide = Hide translation
read-aloud = Read aloud
read-aloud-stop = Stop reading

## Summary and completion
summary-title = Check your answers
summary-edit = Edit
summary-next = When you complete the registration, the people who advise you can see it. You can not change it afterwards, but you can fill in the form again.
summary-complete = Complete registration
summary-missing = Some required answers are missing. Go back to the parts and answer them.
done-title = Your registration is complete
done-text = Thank you. The people who advise you about training, education and work can now see what you registered.
done-fill-again = Fill in the form again
logout = Log out

## My data
my-data-title = Your data
my-data-intro = This is everything Kartlegg holds about you.
my-data-person = About you
my-data-name = Name
my-data-organisation = Followed up by
my-data-consents = Consents
my-data-registrations = Registrations
my-data-completed = Completed
my-data-draft = Not completed
my-data-download = Download as a file
nav-label = Your account
nav-my-data = My data
my-data-download-html = Download as a page you can read
my-data-no-answers = No answers yet.
my-data-consent-accept = You agreed
my-data-consent-decline = You did not agree

## Errors and other pages
error-network = We could not reach the service. Check your internet connection and try again.
error-unexpected = Something went wrong. Try again, or ask the staff for help.
status-title = Service status
status-checking = Checking the service…
status-ready = The service is ready.
status-unavailable = The service is not available right now. Try again later.
not-found-title = Page not found
not-found-home = Go to the start page

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
answer-error-not_a_number = Write a number with digits only.
answer-error-too_small = The number is too small. Write a number from { $min } to { $max }.
answer-error-too_large = The number is too big. Write a number from { $min } to { $max }.
answer-error-other = Check this answer.
error-summary-attention = Some answers need attention
number-range = A number from { $min } to { $max }
year-range = A year from { $min } to { $max }
group-missing = Add at least one.
save-conflict-same-part = You also changed this part in another window. Which answers do you want to keep?
save-conflict-keep-mine = Keep the answers on this page
save-conflict-take-theirs = Use the answers from the other window
summary-part-missing = Some answers are missing in this part:
overview-start = Start
overview-continue = Continue
done-fill-again-confirm = You get a copy of your answers to change. The people who advise you see your completed registration until you complete the new one.
done-fill-again-yes = Yes, fill in the form again
done-fill-again-cancel = No, keep it as it is
error-session-ended = You have been logged out. Log in again with a new code.
# Registering together with a counsellor (the counsellor's screen): the form's bar.
together-banner = Registering together with a counsellor
together-end = Finish and go back
