# Kartlegg — Tigrinya (ti). Drafted, not yet reviewed by a native speaker: every message marked "# draft" awaits review.
# draft
app-title = ብቕዓትኩም ኣመዝግቡ
# draft
skip-to-content = ናብ ትሕዝቶ ሕለፉ
# draft
loading = ይጽዕን ኣሎ…
# draft
back = ንድሕሪት
# draft
next = ዝቕጽል
# draft
language-switch = ቋንቋ
# draft
language-choose = ክትጥቀሙሉ እትደልዩ ቋንቋ ምረጹ።

## Information before login
# draft
info-title = ብኸመይ ትምዝገቡ
# draft
info-why = ብዛዕባ ስልጠና፣ ትምህርትን ስራሕን ምኽሪ ዝህቡ ህዝባዊ ትካላት፣ እንታይ ክትገብሩ ከም እትኽእሉ ክፈልጡ ኣለዎም። ሽዑ መደብ ንኸተውጽኡ ክሕግዙኹም ይኽእሉ።
# draft
info-topic-languages = እትዛረብዎም ቋንቋታት
# draft
info-topic-school = ትምህርቲ ቤት ትምህርትኹም
# draft
info-topic-work = ተመክሮ ስራሕኩም
# draft
info-topic-activities = ክትገብርዎም ዝለመድኩም ንጥፈታት
# draft
info-topic-wishes = ድሌትኩምን ባህግኹምን ንትምህርትን ስራሕን
# draft
info-even-if = ቤት ትምህርቲ እንተ ዘይከድኩም ወይ ስራሕ እንተ ዘይነበረኩም'ውን ተመዝገቡ።
# draft
info-how = ቁጽሪ DUF ን ኮድን የድልየኩም። ኮድ ካብ ሰራሕተኛታት መቐበሊ ማእከልኩም ትረኽብዎ።
# draft
info-time = ኣስታት 30 ደቒቕ ይወስድ። ኮድኩም ክሳብ ዝሰርሕ፣ ዕረፍቲ ወሲድኩም ክትምለሱ ትኽእሉ።
# draft
info-rights = ብዛዕባኹም ዝተመዝገበ ክትርእዩን ጌጋ ሓበሬታ ክእረም ክትገብሩን መሰል ኣለኩም።

## Login
# draft
login-title = ናብ ቅጥዒ እተዉ
# draft
login-intro = ቁጽሪ DUF ን ካብ ሰራሕተኛታት ዝረኸብኩምዎ ኮድን ጽሓፉ።
# draft
login-duf = ቁጽሪ DUF
# draft
login-duf-hint = 12 ኣሃዛት። ኣብቲ ካብ ሰበ-ስልጣን ኢሚግሬሽን ዝረኸብኩምዎ ወረቓቕቲ ትረኽብዎ።
# draft
login-code = ኮድኩም
# draft
login-code-hint = 8 ኣሃዛት፣ ንኣብነት 1234 5678።
# draft
login-submit = ናብ ቅጥዒ እተዉ
# draft
login-duf-invalid = ቁጽሪ DUF ብ12 ኣሃዛት ጽሓፉ።
# draft
login-code-invalid = ኮድ ብ8 ኣሃዛት ጽሓፉ።
# draft
login-failed = ቁጽሪ DUF ወይ ኮድ ቅኑዕ ኣይኮነን፣ ወይ ድማ ግዜ እቲ ኮድ ሓሊፉ እዩ። ተቈጻጺርኩም እንደገና ፈትኑ፣ ወይ ንሰራሕተኛታት ሓድሽ ኮድ ሕተቱ።
# draft
login-too-many = ብዙሕ ፈተነታት ኮይኑ። ድሕሪ { $minutes ->
    [one] { $minutes } ደቒቕ
   *[other] { $minutes } ደቒቕ
  } እንደገና ፈትኑ።

## Consent
# draft
consent-title = ፍቓድ
# draft
consent-purpose = እትምዝግብዎ ሓበሬታ፣ ብዛዕባ ስልጠና፣ ትምህርትን ስራሕን ምኽርን ዕድላትን ንኽወሃበኩም ይጥቀሙሉ።
# draft
consent-who = ኣብ መቐበሊ ማእከል፣ ኣብ ምምሕዳር ከባቢ (ኮሙነ) ከምኡ'ውን ኣብ IMDi ዝማኽሩኹም ሰባት ጥራይ እዮም ክርእይዎ ዝኽእሉ።
# draft
consent-not-asylum = ሕቶ ሓለዋኹም (ዑቕባ) ኣብ ዝርአየሉ እዋን ኣይጥቀሙሉን እዮም።
# draft
consent-rights = ብዛዕባኹም ዝተመዝገበ ክትርእዩ፣ ክእረም ወይ ክድምሰስ ክትገብሩ መሰል ኣለኩም። ንሰራሕተኛታት ሕተቱ፣ ወይ ናብ IMDi ጽሓፉ።
# draft
consent-storage = እቲ ሓበሬታ ምስ ዘየድሊ ይድምሰስ።
# draft
consent-decline = ፍቓደኛ ኣይኮንኩን
# draft
consent-accept = ፍቓደኛ እየ፣ ክምዝገብ እደሊ
# draft
declined-title = ፍቓድ ኣይሃብኩምን
# draft
declined-text = ብዛዕባኹም ዝተዓቀበ፣ ፍቓድ ከም ዘይሃብኩም ጥራይ እዩ። ካብ ስርዓት ወጺእኩም ኣለኹም። ሓሳብኩም እንተ ቀየርኩም፣ ንሰራሕተኛታት ሓድሽ ኮድ ሕተቱ።
# draft
declined-start-again = ናብ መጀመርታ ገጽ ኪዱ

## The form
# draft
overview-title = ምዝገባኹም
# draft
overview-intro = ምዝገባ ሾብዓተ ክፋላት ኣለዎ። ሓደ ክፋል ምረጹ፣ ወይ ብቐዳማይ ጀምሩ።
# draft
overview-link = ኩሎም ክፋላት ርኣዩ
# draft
overview-to-summary = ናብ ጽማቕ ኪዱ
# draft
progress-not-started = ኣይጀመረን
# draft
progress-in-progress = ኣብ መስርሕ
# draft
progress-done = ተዛዚሙ
# draft
part-of = ክፋል { $number } ካብ { $total }
# draft
status-not-answered = ኣይተመለሰን
# draft
status-missing = መልሲ ይጎድል
# draft
status-answered = ተመሊሱ
# draft
answer-missing-choice = ካብቶም ምርጫታት ሓደ ምረጹ።
# draft
answer-missing-text = መልሲ ጽሓፉ።
# draft
answer-error-required = ነዚ ሕቶ መልሱ።
# draft
answer-error-not_an_option = ካብቶም ምርጫታት ሓደ ምረጹ።
# draft
answer-error-too_long = እቲ መልሲ ኣዝዩ ነዊሕ እዩ።
# draft
answer-error-too_few = ተወሳኺ ምርጫታት ምረጹ።
# draft
answer-error-too_many = ዝወሓዱ ምርጫታት ምረጹ።
# draft
answer-error-unknown_question = እዚ ሕቶ ኣብ ቅጥዒ የለን።
# draft
answer-error-wrong_type = እዚ መልሲ ቅኑዕ ዓይነት ኣይኮነን።
# draft
error-summary-title = ገለ መልስታት ይጎድሉ
# draft
list-search = ኣብ ዝርዝር ድለዩ
# draft
list-choose = ምረጹ
# draft
group-add = ካልእ ወስኹ
# draft
group-entry = ቁጽሪ { $number }
# draft
group-remove = ኣልግሱ
# draft
group-removed = ተኣልጊሱ።
# draft
group-undo = ምለስዎ
# draft
save-saving = ይዕቀብ ኣሎ…
# draft
save-saved = ተዓቂቡ
# draft
save-pending = ገና ኣይተዓቀበን — እንደገና ክፍተን እዩ
# draft
save-invalid = ገለ መልስታት ክዕቀቡ ኣይከኣሉን። ኣብ ታሕቲ ዘለዉ መልእኽትታት ርኣዩ።
# draft
save-conflict = መልስታትኩም ኣብ ካልእ መስኮት ተቐይሮም። እቶም ዝሓደሱ መልስታት ጽዒንናዮም ኣለና።

## Side-by-side translation and reading aloud
# draft
translate-open = ቅጥዒ ተርጕሙ
# draft
translate-choose = ቋንቋ ትርጉም
# draft
translate-none = ቋንቋ ምረጹ
# draft
translate-hide = ትርጉም ሕብኡ
# draft
read-aloud = ብድምጺ ኣንብቡ
# draft
read-aloud-stop = ምንባብ ኣቋርጹ

## Summary and completion
# draft
summary-title = መልስታትኩም ተቈጻጸሩ
# draft
summary-edit = ኣርሙ
# draft
summary-next = ምዝገባ ምስ ወዳእኩም፣ ዝማኽሩኹም ሰባት ክርእይዎ ይኽእሉ። ድሕሪኡ ክትቕይርዎ ኣይትኽእሉን ኢኹም፣ ግን ቅጥዒ እንደገና ክትመልእዎ ትኽእሉ ኢኹም።
# draft
summary-complete = ምዝገባ ዛዝሙ
# draft
summary-missing = ገለ ግድን ዝኾኑ መልስታት ይጎድሉ። ናብቶም ክፋላት ተመሊስኩም መልሱ።
# draft
done-title = ምዝገባኹም ተዛዚሙ
# draft
done-text = የቐንየልና። ብዛዕባ ስልጠና፣ ትምህርትን ስራሕን ዝማኽሩኹም ሰባት ሕጂ ዘመዝገብኩምዎ ክርእዩ ይኽእሉ።
# draft
done-fill-again = ቅጥዒ እንደገና ምልኡ
# draft
logout = ውጹ

## My data
# draft
my-data-title = ሓበሬታኹም
# draft
my-data-intro = እዚ Kartlegg ብዛዕባኹም ዝሕዞ ኩሉ እዩ።
# draft
my-data-person = ብዛዕባኹም
# draft
my-data-name = ሽም
# draft
my-data-organisation = ዝከታተለኩም
# draft
my-data-consents = ፍቓዳት
# draft
my-data-registrations = ምዝገባታት
# draft
my-data-completed = ዝተዛዘመ
# draft
my-data-draft = ዘይተዛዘመ
# draft
my-data-download = ከም ፋይል ኣውርዱ
nav-label = ሕሳብኩም
nav-my-data = ሓበሬታይ
my-data-download-html = ከም ዝንበብ ገጽ ኣውርዱ
my-data-no-answers = ክሳብ ሕጂ መልሲ የለን።
my-data-consent-accept = ፍቓደኛ ኔርኩም
my-data-consent-decline = ፍቓደኛ ኣይነበርኩምን

## Errors and other pages
# draft
error-network = ናብቲ ኣገልግሎት ክንበጽሕ ኣይከኣልናን። ናይ ኢንተርነት ምትእስሳርኩም ተቈጻጺርኩም እንደገና ፈትኑ።
# draft
error-unexpected = ገለ ጌጋ ተፈጺሙ። እንደገና ፈትኑ፣ ወይ ንሰራሕተኛታት ሓገዝ ሕተቱ።
# draft
status-title = ኩነታት ኣገልግሎት
# draft
status-checking = ኣገልግሎት ይፍተሽ ኣሎ…
# draft
status-ready = ኣገልግሎት ድሉው እዩ።
# draft
status-unavailable = ኣገልግሎት ሕጂ ኣይርከብን። ጸኒሕኩም እንደገና ፈትኑ።
# draft
not-found-title = ገጽ ኣይተረኽበን
# draft
not-found-home = ናብ መጀመርታ ገጽ ኪዱ

## Issue 10: checked as typed, changes of mind, two windows, summary, fill in again
# draft
answer-error-not_a_number = ቁጽሪ ብኣሃዛት ጥራይ ጽሓፉ።
# draft
answer-error-too_small = እቲ ቁጽሪ ኣዝዩ ንኡስ እዩ። ካብ { $min } ክሳብ { $max } ዘሎ ቁጽሪ ጽሓፉ።
# draft
answer-error-too_large = እቲ ቁጽሪ ኣዝዩ ዓቢ እዩ። ካብ { $min } ክሳብ { $max } ዘሎ ቁጽሪ ጽሓፉ።
# draft
answer-error-other = ነዚ መልሲ ተቈጻጸሩ።
# draft
error-summary-attention = ገለ መልስታት ክርኣዩ ኣለዎም
# draft
number-range = ካብ { $min } ክሳብ { $max } ዘሎ ቁጽሪ
# draft
year-range = ካብ { $min } ክሳብ { $max } ዘሎ ዓመት
# draft
group-missing = እንተወሓደ ሓደ ወስኹ።
# draft
save-conflict-same-part = ነዚ ክፋል ኣብ ካልእ መስኮት'ውን ቀይርኩምዎ ኢኹም። ኣየኖት መልስታት ክትሕዙ ትደልዩ?
# draft
save-conflict-keep-mine = ኣብዚ ገጽ ዘለዉ መልስታት ሓዙ
# draft
save-conflict-take-theirs = ናይቲ ካልእ መስኮት መልስታት ተጠቐሙ
# draft
summary-part-missing = ኣብዚ ክፋል ገለ መልስታት ይጎድሉ፦
# draft
overview-start = ጀምሩ
# draft
overview-continue = ቀጽሉ
# draft
done-fill-again-confirm = ክትቕይርዎ ቅዳሕ መልስታትኩም ትረኽቡ። ዝማኽሩኹም ሰባት፣ ነቲ ሓድሽ ክሳብ እትዛዝምዎ፣ ነቲ ዝተዛዘመ ምዝገባኹም ይርእይዎ።
# draft
done-fill-again-yes = እወ፣ ቅጥዒ እንደገና ምልኡ
# draft
done-fill-again-cancel = ኣይፋል፣ ከምዘለዎ ግደፍዎ
# draft
error-session-ended = ካብ ስርዓት ወጺእኩም ኣለኹም። ብሓድሽ ኮድ እንደገና እተዉ።
# draft
together-banner = ምስ ኣማኻሪ ብሓባር ምምዝጋብ
# draft
together-end = ወድእ እሞ ተመለስ
